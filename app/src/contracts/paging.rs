//! Paging shared by the list queries (`ListOrders`, `GetCustomerHistory`): which page a
//! query asks for, the rules it must meet, and the [`Page`] that comes back.

use mediator::FieldError;
use serde::{Deserialize, Serialize};

/// Items per page when a query does not say.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
/// Most items one page may hold.
pub const MAX_PAGE_SIZE: u32 = 100;

/// One page of a longer list, newest first unless the query says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based page number, as asked.
    pub page: u32,
    pub page_size: u32,
    /// How many items the whole list holds; a page past the end has no items but the
    /// same total.
    pub total: u64,
}

impl<T> Page<T> {
    /// How many items come before `page` (1-based) of `page_size` items.
    pub fn offset(page: u32, page_size: u32) -> u64 {
        u64::from(page.saturating_sub(1)) * u64::from(page_size)
    }
}

pub(crate) fn first_page() -> u32 {
    1
}

pub(crate) fn default_page_size() -> u32 {
    DEFAULT_PAGE_SIZE
}

/// Adds an error for a page below 1 or a page size outside 1..=[`MAX_PAGE_SIZE`].
pub(crate) fn check_paging(page: u32, page_size: u32, errors: &mut Vec<FieldError>) {
    if page < 1 {
        errors.push(FieldError::new("page", "Pages are numbered from 1."));
    }
    if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
        let message = format!("A page holds 1 to {MAX_PAGE_SIZE} items.");
        errors.push(FieldError::new("page_size", message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn fields(page: u32, page_size: u32) -> Vec<String> {
        let mut errors = Vec::new();
        check_paging(page, page_size, &mut errors);
        failing_fields(Err::<(), _>(errors))
    }

    #[test]
    fn pages_start_at_one_and_hold_one_to_a_hundred_items() {
        assert!(fields(1, 1).is_empty());
        assert!(fields(7, MAX_PAGE_SIZE).is_empty());
        assert_eq!(fields(0, 20), ["page"]);
        assert_eq!(fields(1, 0), ["page_size"]);
        assert_eq!(fields(0, MAX_PAGE_SIZE + 1), ["page", "page_size"]);
    }

    #[test]
    fn the_offset_skips_the_earlier_pages() {
        assert_eq!(Page::<()>::offset(1, 20), 0);
        assert_eq!(Page::<()>::offset(3, 20), 40);
        assert_eq!(
            Page::<()>::offset(u32::MAX, 100),
            (u64::from(u32::MAX) - 1) * 100
        );
    }
}
