//! miti-service
