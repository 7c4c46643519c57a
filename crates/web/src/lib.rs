//! miti-web
