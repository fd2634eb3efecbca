//! Renderers for what the commands print (being written).
