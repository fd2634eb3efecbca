//! Articles and drafts on PostgreSQL: adding drafts, listing and loading them, the article list
//! and the latest drafts `check --all` visits.
//!
//! An add runs in one READ COMMITTED transaction: `INSERT … ON CONFLICT DO NOTHING` the article,
//! then `SELECT … FOR UPDATE` its row, so every writer of one article waits for the previous
//! one to commit and then sees its draft (each statement reads the latest committed data). So
//! the hash lookup never misses a text another process just stored, and `MAX(number) + 1` is
//! never taken twice; the unique constraints on `(article_id, number)` and `(article_id, hash)`
//! are the backstop, and a transaction they or a deadlock abort is retried
//! ([`super::retry`]). The draft is packed before the transaction opens.

use postgres::{Client, GenericClient, Row};

use super::super::drafts::DraftContents;
use super::super::{
    AddStatus, AddedDraft, ArticleSummary, DraftRef, DraftSelector, DraftSummary, LatestDrafts,
    NewDraft, StoreError, claims, corrupt, now_timestamp, packed, suppressions,
};
use super::{retry, to_u32};
use crate::model::{ArticleDate, Lang};

/// Stores one draft in its own transaction (retried on a conflict).
pub(in super::super) fn add_draft(
    client: &mut Client,
    new: &NewDraft<'_>,
) -> Result<AddedDraft, StoreError> {
    packed::with_packed(new, |packed| {
        retry(|| {
            let mut tx = client.transaction()?;
            let added = insert_draft(&mut tx, new, packed)?;
            tx.commit()?;
            Ok(added)
        })
    })
}

/// Stores a group in one transaction; if any draft fails (or the group hits a conflict), the
/// group is rolled back and each draft is added on its own, as on SQLite.
pub(in super::super) fn add_drafts(
    client: &mut Client,
    drafts: &[NewDraft<'_>],
) -> Vec<Result<AddedDraft, StoreError>> {
    let group = (|| {
        let mut tx = client.transaction()?;
        let mut added = Vec::with_capacity(drafts.len());
        for new in drafts {
            added.push(packed::with_packed(new, |packed| {
                insert_draft(&mut tx, new, packed)
            })?);
        }
        tx.commit()?;
        Ok::<_, StoreError>(added)
    })();
    match group {
        Ok(added) => added.into_iter().map(Ok).collect(),
        Err(_) => drafts.iter().map(|new| add_draft(client, new)).collect(),
    }
}

fn insert_draft(
    tx: &mut impl GenericClient,
    new: &NewDraft<'_>,
    packed: &packed::PackedDraft,
) -> Result<AddedDraft, StoreError> {
    let hash = new.document.hash();
    let added_at = now_timestamp();
    let new_article = tx.execute(
        "INSERT INTO articles (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
        &[&new.article_id, &added_at],
    )? == 1;
    let number: i64 = if new_article {
        1
    } else {
        tx.execute(
            "SELECT 1 FROM articles WHERE id = $1 FOR UPDATE",
            &[&new.article_id],
        )?;
        let existing = tx.query_opt(
            "SELECT number, claim_count FROM drafts WHERE article_id = $1 AND hash = $2",
            &[&new.article_id, &hash],
        )?;
        if let Some(row) = existing {
            return Ok(AddedDraft {
                article: new.article_id.to_owned(),
                draft: to_u32(row.get(0), "draft number")?,
                status: AddStatus::Unchanged,
                claim_count: to_u32(row.get(1), "claim count")?,
            });
        }
        tx.query_one(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM drafts WHERE article_id = $1",
            &[&new.article_id],
        )?
        .get(0)
    };
    let extraction = new.extraction;
    let sentence_bounds = claims::encode_sentence_bounds(&extraction.sentences)?;
    let source_map = new.document.source.as_ref().map(packed::pack_source_map);
    let suppressions = suppressions::pack_suppressions(&new.document.suppressions)?;
    tx.execute(
        "INSERT INTO drafts (article_id, number, hash, label, added_at, lang, date, title,
                             body_start, sentence_bounds, text_deflated, extraction_deflated,
                             claim_count, relation_count, text_length, source_map, suppressions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        &[
            &new.article_id,
            &number,
            &hash,
            &new.label,
            &added_at,
            &extraction.lang.as_str(),
            &extraction.date.map(|date| date.to_string()),
            &new.document.title,
            &(new.document.body_start as i64),
            &sentence_bounds,
            &packed.text,
            &packed.extraction,
            &(extraction.claims.len() as i64),
            &(extraction.relations.len() as i64),
            &(new.document.text.len() as i64),
            &source_map,
            &suppressions,
        ],
    )?;
    Ok(AddedDraft {
        article: new.article_id.to_owned(),
        draft: to_u32(number, "draft number")?,
        status: AddStatus::Added,
        claim_count: extraction.claims.len() as u32,
    })
}

const SUMMARY_SELECT: &str =
    "SELECT id, number, added_at, label, hash, lang, date, title, claim_count FROM drafts";

pub(super) fn read_summary(row: &Row) -> Result<DraftSummary, StoreError> {
    let lang: String = row.get("lang");
    let date: Option<String> = row.get("date");
    let lang: Lang = lang
        .parse()
        .map_err(|_| corrupt(format!("draft language `{lang}`")))?;
    let date = match date {
        Some(date) => {
            Some(ArticleDate::parse(&date).ok_or_else(|| corrupt(format!("draft date `{date}`")))?)
        }
        None => None,
    };
    Ok(DraftSummary {
        number: to_u32(row.get("number"), "draft number")?,
        added_at: row.get("added_at"),
        label: row.get("label"),
        hash: row.get("hash"),
        lang,
        date,
        title: row.get("title"),
        claim_count: to_u32(row.get("claim_count"), "claim count")?,
    })
}

/// The drafts of an article, oldest first (empty when there is no such article).
pub(in super::super) fn drafts(
    client: &mut Client,
    article_id: &str,
) -> Result<Vec<DraftSummary>, StoreError> {
    client
        .query(
            &format!("{SUMMARY_SELECT} WHERE article_id = $1 ORDER BY number"),
            &[&article_id],
        )?
        .iter()
        .map(read_summary)
        .collect()
}

/// The row id and summary of a draft; the same errors as SQLite's for an unknown article or
/// number.
pub(in super::super) fn find_draft(
    client: &mut Client,
    article_id: &str,
    selector: DraftSelector,
) -> Result<(i64, DraftSummary), StoreError> {
    let latest: Option<i64> = client
        .query_one(
            "SELECT MAX(number) FROM drafts WHERE article_id = $1",
            &[&article_id],
        )?
        .get(0);
    let Some(latest) = latest else {
        return Err(StoreError::ArticleNotFound {
            article_id: article_id.to_owned(),
        });
    };
    let latest = to_u32(latest, "draft number")?;
    let number = match selector {
        DraftSelector::Latest => latest,
        DraftSelector::Number(number) => number,
    };
    let row = client.query_opt(
        &format!("{SUMMARY_SELECT} WHERE article_id = $1 AND number = $2"),
        &[&article_id, &i64::from(number)],
    )?;
    match row {
        Some(row) => Ok((row.get("id"), read_summary(&row)?)),
        None => Err(StoreError::DraftNotFound {
            article_id: article_id.to_owned(),
            number,
            latest,
        }),
    }
}

/// A draft row's text, sentences, claims and relations, always packed on PostgreSQL.
pub(in super::super) fn draft_contents(
    client: &mut Client,
    draft_id: i64,
) -> Result<DraftContents, StoreError> {
    let row = client.query_one(
        "SELECT body_start, sentence_bounds, text_deflated, extraction_deflated, source_map,
                suppressions
         FROM drafts WHERE id = $1",
        &[&draft_id],
    )?;
    let body_start: i64 = row.get(0);
    let sentence_bounds: Vec<u8> = row.get(1);
    let text = packed::unpack_text(row.get(2))?;
    let (claims, relations) = packed::unpack_extraction(&text, row.get(3))?;
    let source = match row.get::<_, Option<&[u8]>>(4) {
        Some(bytes) => Some(packed::unpack_source_map(bytes)?),
        None => None,
    };
    let suppressions: Option<String> = row.get(5);
    Ok(DraftContents {
        body_start: usize::try_from(body_start)
            .map_err(|_| corrupt(format!("draft body start {body_start}")))?,
        sentences: claims::decode_sentence_bounds(&sentence_bounds)?,
        text,
        claims,
        relations,
        source,
        suppressions: suppressions::unpack_suppressions(suppressions.as_deref())?,
    })
}

/// Every article with its draft count and latest draft, ordered by id (byte order).
pub(in super::super) fn articles(client: &mut Client) -> Result<Vec<ArticleSummary>, StoreError> {
    client
        .query(
            "SELECT a.id, COUNT(d.id), MAX(d.number),
                    (SELECT l.added_at FROM drafts l WHERE l.article_id = a.id
                     ORDER BY l.number DESC LIMIT 1)
             FROM articles a JOIN drafts d ON d.article_id = a.id
             GROUP BY a.id ORDER BY a.id",
            &[],
        )?
        .iter()
        .map(|row| {
            Ok(ArticleSummary {
                article: row.get(0),
                drafts: to_u32(row.get(1), "draft count")?,
                latest_draft: to_u32(row.get(2), "draft number")?,
                latest_added_at: row.get(3),
            })
        })
        .collect()
}

/// The latest draft of every article that passes `filter`, ordered by article id.
pub(in super::super) fn latest_drafts(
    client: &mut Client,
    filter: LatestDrafts<'_>,
) -> Result<Vec<DraftRef>, StoreError> {
    let (suite, snapshot) = filter.unchecked_with.unzip();
    client
        .query(
            "SELECT d.article_id, d.number FROM drafts d
             WHERE d.number = (SELECT MAX(l.number) FROM drafts l WHERE l.article_id = d.article_id)
               AND ($1::TEXT IS NULL OR d.added_at >= $1)
               AND ($2::TEXT IS NULL OR NOT EXISTS (
                     SELECT 1 FROM rule_runs r
                     WHERE r.draft_id = d.id AND r.rule_suite_hash = $2
                       AND r.reference_snapshot = $3 AND r.rule_error_count = 0))
             ORDER BY d.article_id",
            &[&filter.added_since, &suite, &snapshot],
        )?
        .iter()
        .map(|row| {
            Ok(DraftRef {
                article_id: row.get(0),
                draft: DraftSelector::Number(to_u32(row.get(1), "draft number")?),
            })
        })
        .collect()
}
