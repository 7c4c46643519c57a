//! miti-demo
