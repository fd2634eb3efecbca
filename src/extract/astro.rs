//! The little astronomy the Hindu calendar needs: the Sun's and the Moon's longitudes, the
//! Lahiri ayanamsa, and sunrise and sunset at a place, all from Jean Meeus, *Astronomical
//! Algorithms* (2nd ed.): the Sun from chapter 25 (low accuracy, about 0.01°), the Moon from
//! chapter 47 (the 60 main periodic terms in longitude, about 10″), sunrise from chapter 15.
//!
//! Times are Julian days in Universal Time; a rough ΔT (TT − UT, the Morrison–Stephenson
//! parabola) turns them into the dynamical time the series want. Its error (under a minute
//! between 1900 and 2100) and the Sun's (a quarter hour on a solar ingress, a minute on a
//! lunar day) are far below the day-to-day spread of regional observance.

use chrono::NaiveDate;

/// A place on Earth (degrees, east and north positive) and its civil time zone (hours).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub latitude: f64,
    pub longitude: f64,
    pub utc_offset_hours: f64,
}

/// New Delhi, on Indian Standard Time: the reference place of most printed panchangs.
pub const NEW_DELHI: Place = Place {
    latitude: 28.6139,
    longitude: 77.2090,
    utc_offset_hours: 5.5,
};

const J2000: f64 = 2_451_545.0;
/// The Julian day at 0h UT of 1 January of year 1 (proleptic Gregorian) minus one day, so that
/// `num_days_from_ce` (1 for that day) lands on it.
const CE_EPOCH_JD: f64 = 1_721_424.5;

/// The Julian day (UT) at the start of a civil day in `place`.
pub fn day_start(day: NaiveDate, place: Place) -> f64 {
    use chrono::Datelike;
    f64::from(day.num_days_from_ce()) + CE_EPOCH_JD - place.utc_offset_hours / 24.0
}

/// The civil day in `place` at the Julian day `jd` (UT).
pub fn civil_day(jd: f64, place: Place) -> Option<NaiveDate> {
    let days = (jd - CE_EPOCH_JD + place.utc_offset_hours / 24.0).floor();
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// Julian centuries of dynamical time since J2000 at the Julian day `jd` (UT).
fn centuries(jd: f64) -> f64 {
    let years_since_1820 = (jd - 2_385_800.5) / 365.25 / 100.0;
    let delta_t_seconds = -20.0 + 32.0 * years_since_1820 * years_since_1820;
    (jd + delta_t_seconds / 86_400.0 - J2000) / 36_525.0
}

fn normalized(degrees: f64) -> f64 {
    degrees.rem_euclid(360.0)
}

/// The Sun's true longitude less aberration (tropical, degrees, without nutation: the
/// nutation is the same for the Moon and for the ayanamsa, so it cancels everywhere here).
pub fn sun_longitude(jd: f64) -> f64 {
    let t = centuries(jd);
    let mean_longitude = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let anomaly = (357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t).to_radians();
    let center = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * anomaly.sin()
        + (0.019_993 - 0.000_101 * t) * (2.0 * anomaly).sin()
        + 0.000_289 * (3.0 * anomaly).sin();
    normalized(mean_longitude + center - 0.005_69)
}

/// Meeus table 47.A, longitude column: multiples of D, M, M′, F and the sine coefficient
/// (millionths of a degree).
const MOON_LONGITUDE_TERMS: [(i8, i8, i8, i8, i32); 60] = [
    (0, 0, 1, 0, 6_288_774),
    (2, 0, -1, 0, 1_274_027),
    (2, 0, 0, 0, 658_314),
    (0, 0, 2, 0, 213_618),
    (0, 1, 0, 0, -185_116),
    (0, 0, 0, 2, -114_332),
    (2, 0, -2, 0, 58_793),
    (2, -1, -1, 0, 57_066),
    (2, 0, 1, 0, 53_322),
    (2, -1, 0, 0, 45_758),
    (0, 1, -1, 0, -40_923),
    (1, 0, 0, 0, -34_720),
    (0, 1, 1, 0, -30_383),
    (2, 0, 0, -2, 15_327),
    (0, 0, 1, 2, -12_528),
    (0, 0, 1, -2, 10_980),
    (4, 0, -1, 0, 10_675),
    (0, 0, 3, 0, 10_034),
    (4, 0, -2, 0, 8_548),
    (2, 1, -1, 0, -7_888),
    (2, 1, 0, 0, -6_766),
    (1, 0, -1, 0, -5_163),
    (1, 1, 0, 0, 4_987),
    (2, -1, 1, 0, 4_036),
    (2, 0, 2, 0, 3_994),
    (4, 0, 0, 0, 3_861),
    (2, 0, -3, 0, 3_665),
    (0, 1, -2, 0, -2_689),
    (2, 0, -1, 2, -2_602),
    (2, -1, -2, 0, 2_390),
    (1, 0, 1, 0, -2_348),
    (2, -2, 0, 0, 2_236),
    (0, 1, 2, 0, -2_120),
    (0, 2, 0, 0, -2_069),
    (2, -2, -1, 0, 2_048),
    (2, 0, 1, -2, -1_773),
    (2, 0, 0, 2, -1_595),
    (4, -1, -1, 0, 1_215),
    (0, 0, 2, 2, -1_110),
    (3, 0, -1, 0, -892),
    (2, 1, 1, 0, -810),
    (4, -1, -2, 0, 759),
    (0, 2, -1, 0, -713),
    (2, 2, -1, 0, -700),
    (2, 1, -2, 0, 691),
    (2, -1, 0, -2, 596),
    (4, 0, 1, 0, 549),
    (0, 0, 4, 0, 537),
    (4, -1, 0, 0, 520),
    (1, 0, -2, 0, -487),
    (2, 1, 0, -2, -399),
    (0, 0, 2, -2, -381),
    (1, 1, 1, 0, 351),
    (3, 0, -2, 0, -340),
    (4, 0, -3, 0, 330),
    (2, -1, 2, 0, 327),
    (0, 2, 1, 0, -323),
    (1, 1, -1, 0, 299),
    (2, 0, 3, 0, 294),
    (2, 0, -1, -2, 0),
];

/// The Moon's geometric longitude (tropical, degrees, without nutation).
pub fn moon_longitude(jd: f64) -> f64 {
    let t = centuries(jd);
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let mean_longitude = 218.316_447_7 + 481_267.881_234_21 * t - 0.001_578_6 * t2 + t3 / 538_841.0
        - t4 / 65_194_000.0;
    let elongation = (297.850_192_1 + 445_267.111_403_4 * t - 0.001_881_9 * t2 + t3 / 545_868.0
        - t4 / 113_065_000.0)
        .to_radians();
    let sun_anomaly =
        (357.529_109_2 + 35_999.050_290_9 * t - 0.000_153_6 * t2 + t3 / 24_490_000.0).to_radians();
    let moon_anomaly = (134.963_396_4 + 477_198.867_505_5 * t + 0.008_741_4 * t2 + t3 / 69_699.0
        - t4 / 14_712_000.0)
        .to_radians();
    let latitude_argument =
        (93.272_095 + 483_202.017_523_3 * t - 0.003_653_9 * t2 - t3 / 3_526_000.0
            + t4 / 863_310_000.0)
            .to_radians();
    let eccentricity = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let mut sum = 0.0;
    for &(d, m, m_prime, f, coefficient) in &MOON_LONGITUDE_TERMS {
        let argument = f64::from(d) * elongation
            + f64::from(m) * sun_anomaly
            + f64::from(m_prime) * moon_anomaly
            + f64::from(f) * latitude_argument;
        let damping = match m.abs() {
            1 => eccentricity,
            2 => eccentricity * eccentricity,
            _ => 1.0,
        };
        sum += f64::from(coefficient) * damping * argument.sin();
    }
    let a1 = (119.75 + 131.849 * t).to_radians();
    let a2 = (53.09 + 479_264.29 * t).to_radians();
    sum += 3958.0 * a1.sin()
        + 1962.0 * (mean_longitude.to_radians() - latitude_argument).sin()
        + 318.0 * a2.sin();
    normalized(mean_longitude + sum / 1_000_000.0)
}

/// The Lahiri (Chitrapaksha) ayanamsa, the official one of the Indian calendar: 23.857° at
/// J2000, growing with the general precession in longitude.
pub fn lahiri_ayanamsa(jd: f64) -> f64 {
    let t = centuries(jd);
    23.857_09 + 1.396_971 * t + 0.000_308_6 * t * t
}

pub fn sidereal_sun(jd: f64) -> f64 {
    normalized(sun_longitude(jd) - lahiri_ayanamsa(jd))
}

pub fn sidereal_moon(jd: f64) -> f64 {
    normalized(moon_longitude(jd) - lahiri_ayanamsa(jd))
}

/// The Moon's elongation from the Sun (degrees, 0 at new moon): a lunar day (tithi) is 12°.
pub fn elongation(jd: f64) -> f64 {
    normalized(moon_longitude(jd) - sun_longitude(jd))
}

/// The Julian day near `guess` at which `angle(jd)` reaches `target` degrees, for an angle
/// growing at about `degrees_per_day` (Newton's steps with that fixed slope).
pub fn time_of_angle(
    angle: impl Fn(f64) -> f64,
    target: f64,
    guess: f64,
    degrees_per_day: f64,
) -> f64 {
    let mut jd = guess;
    for _ in 0..12 {
        let gap = (angle(jd) - target + 180.0).rem_euclid(360.0) - 180.0;
        jd -= gap / degrees_per_day;
        if gap.abs() < 1e-5 {
            break;
        }
    }
    jd
}

/// The equation of time (degrees) and the half-day arc of the Sun from rising to noon (days)
/// in `place`, with the Sun as it is at `jd`.
fn sun_geometry(jd: f64, place: Place) -> Option<(f64, f64)> {
    let t = centuries(jd);
    let longitude = sun_longitude(jd).to_radians();
    let obliquity = (23.439_291 - 0.013_004_2 * t).to_radians();
    let right_ascension = (obliquity.cos() * longitude.sin()).atan2(longitude.cos());
    let declination = (obliquity.sin() * longitude.sin()).asin();
    let mean_longitude = 280.466_46 + 36_000.769_83 * t;
    let equation_of_time = (mean_longitude - 0.005_718_3 - right_ascension.to_degrees() + 180.0)
        .rem_euclid(360.0)
        - 180.0;
    let latitude = place.latitude.to_radians();
    // The upper limb touching the horizon, with standard refraction.
    let altitude = (-0.833_f64).to_radians();
    let cos_hour_angle = (altitude.sin() - latitude.sin() * declination.sin())
        / (latitude.cos() * declination.cos());
    if !(-1.0..=1.0).contains(&cos_hour_angle) {
        return None;
    }
    Some((equation_of_time, cos_hour_angle.acos().to_degrees() / 360.0))
}

/// Sunrise (`rising`) or sunset on the civil day `day` in `place` (Julian day, UT).
pub fn sun_event(day: NaiveDate, place: Place, rising: bool) -> Option<f64> {
    use chrono::Datelike;
    let sign = if rising { -1.0 } else { 1.0 };
    // 0h UT of the same calendar date: solar noon is near it plus half a day less the longitude.
    let date_zero_ut = f64::from(day.num_days_from_ce()) + CE_EPOCH_JD;
    let mut jd = date_zero_ut + 0.5 - place.longitude / 360.0 + sign * 0.25;
    for _ in 0..3 {
        let (equation_of_time, half_day) = sun_geometry(jd, place)?;
        let noon = date_zero_ut + 0.5 - (place.longitude + equation_of_time) / 360.0;
        jd = noon + sign * half_day;
    }
    Some(jd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moon_longitude_matches_meeus_example_47a() {
        // 1992 April 12, 0h TD: λ = 133.162655° (before nutation). The example is in TD;
        // ΔT then was about 59 s, which moves the Moon by 0.009°.
        let jd = 2_448_724.5 - 59.0 / 86_400.0;
        assert!(
            (moon_longitude(jd) - 133.162_655).abs() < 0.003,
            "{}",
            moon_longitude(jd)
        );
    }

    #[test]
    fn sun_longitude_matches_meeus_example_25a() {
        // 1992 October 13, 0h TD: apparent λ = 199.90895° (true 199.90988° less aberration
        // and a nutation of +0.0044°).
        let jd = 2_448_908.5 - 59.0 / 86_400.0;
        let apparent_without_nutation = 199.909_88 - 0.005_69;
        assert!(
            (sun_longitude(jd) - apparent_without_nutation).abs() < 0.01,
            "{}",
            sun_longitude(jd)
        );
    }

    #[test]
    fn sunrise_in_new_delhi() {
        // Published times: 21 June 2024 sunrise 05:24 IST, sunset 19:22; 21 December 2024
        // sunrise 07:10, sunset 17:29.
        let minutes_ist = |jd: f64, day: NaiveDate| (jd - day_start(day, NEW_DELHI)) * 1440.0;
        let june: NaiveDate = "2024-06-21".parse().unwrap();
        let december: NaiveDate = "2024-12-21".parse().unwrap();
        let close = |jd: Option<f64>, day, expected: f64| {
            let got = minutes_ist(jd.unwrap(), day);
            assert!((got - expected).abs() < 3.0, "{day}: {got} vs {expected}");
        };
        close(sun_event(june, NEW_DELHI, true), june, 5.0 * 60.0 + 24.0);
        close(sun_event(june, NEW_DELHI, false), june, 19.0 * 60.0 + 22.0);
        close(
            sun_event(december, NEW_DELHI, true),
            december,
            7.0 * 60.0 + 10.0,
        );
        close(
            sun_event(december, NEW_DELHI, false),
            december,
            17.0 * 60.0 + 29.0,
        );
    }
}
