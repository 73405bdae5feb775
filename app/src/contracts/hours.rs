//! The shop's opening hours: the time zone the shop keeps, what it opens each day of the
//! week and the days it stays closed ([`OpeningHours`]), read by anyone
//! ([`GetShopHours`], with whether it is open now) and set by managers
//! ([`UpdateShopHours`]). Outside them `PlaceOrder` is refused.

use crate::contracts::rules::{required_text, verdict};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc, Weekday};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// Most openings on one day (a lunch and a dinner service, and room to spare).
pub const MAX_OPENINGS_A_DAY: usize = 4;
/// Most closure days listed at once.
pub const MAX_CLOSURES: usize = 100;
/// Longest time zone name.
pub const MAX_TIMEZONE_LEN: usize = 64;
/// Minutes in a day: `24:00`, the latest an opening may close.
pub const MINUTES_A_DAY: u16 = 24 * 60;

/// When the shop takes orders.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    /// The IANA name of the shop's time zone (`Europe/Rome`); every time of the week is
    /// read in it.
    pub timezone: String,
    pub weekly: WeeklyHours,
    /// Days the shop stays closed whatever the weekday says, `YYYY-MM-DD` in the shop's
    /// zone.
    #[serde(default)]
    pub closures: Vec<NaiveDate>,
}

/// What the shop opens each day of the week; an empty day is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WeeklyHours {
    #[serde(default)]
    pub monday: Vec<Opening>,
    #[serde(default)]
    pub tuesday: Vec<Opening>,
    #[serde(default)]
    pub wednesday: Vec<Opening>,
    #[serde(default)]
    pub thursday: Vec<Opening>,
    #[serde(default)]
    pub friday: Vec<Opening>,
    #[serde(default)]
    pub saturday: Vec<Opening>,
    #[serde(default)]
    pub sunday: Vec<Opening>,
}

impl WeeklyHours {
    /// `openings` on every day of the week.
    pub fn every_day(openings: Vec<Opening>) -> Self {
        Self {
            monday: openings.clone(),
            tuesday: openings.clone(),
            wednesday: openings.clone(),
            thursday: openings.clone(),
            friday: openings.clone(),
            saturday: openings.clone(),
            sunday: openings,
        }
    }

    /// The openings of `day`.
    pub fn day(&self, day: Weekday) -> &[Opening] {
        match day {
            Weekday::Mon => &self.monday,
            Weekday::Tue => &self.tuesday,
            Weekday::Wed => &self.wednesday,
            Weekday::Thu => &self.thursday,
            Weekday::Fri => &self.friday,
            Weekday::Sat => &self.saturday,
            Weekday::Sun => &self.sunday,
        }
    }
}

/// The days of the week as people read them, Monday first.
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The days of the week by their JSON names, Monday first.
pub const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "monday"),
    (Weekday::Tue, "tuesday"),
    (Weekday::Wed, "wednesday"),
    (Weekday::Thu, "thursday"),
    (Weekday::Fri, "friday"),
    (Weekday::Sat, "saturday"),
    (Weekday::Sun, "sunday"),
];

/// One stretch of a day the shop is open, `HH:MM` to `HH:MM` in its zone. A `closes`
/// earlier than `opens` is on the next day (`18:00`–`02:00`); `24:00` is midnight.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Opening {
    pub opens: String,
    pub closes: String,
}

impl Opening {
    /// `opens`–`closes`.
    pub fn new(opens: &str, closes: &str) -> Self {
        Self {
            opens: opens.to_owned(),
            closes: closes.to_owned(),
        }
    }

    /// Minutes after midnight it opens and, counted from the same midnight, closes
    /// (above [`MINUTES_A_DAY`] when it closes the next day); `None` unless both are
    /// valid and differ.
    pub fn span(&self) -> Option<(u16, u16)> {
        let opens = clock_minutes(&self.opens).filter(|m| *m < MINUTES_A_DAY)?;
        let closes = clock_minutes(&self.closes)?;
        match closes.cmp(&opens) {
            std::cmp::Ordering::Greater => Some((opens, closes)),
            std::cmp::Ordering::Less => Some((opens, closes + MINUTES_A_DAY)),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// `HH:MM` (`00:00` to `24:00`) as minutes after midnight.
pub fn clock_minutes(text: &str) -> Option<u16> {
    let (hours, minutes) = text.split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let hours: u16 = hours.parse().ok()?;
    let minutes: u16 = minutes.parse().ok()?;
    let total = hours.checked_mul(60)? + minutes;
    (minutes < 60 && total <= MINUTES_A_DAY).then_some(total)
}

/// The opening hours ([`OpeningHours`]' fields) with where the shop stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ShopHours {
    pub timezone: String,
    pub weekly: WeeklyHours,
    pub closures: Vec<NaiveDate>,
    /// Whether the shop takes orders now.
    pub open_now: bool,
    /// When it closes, if within a day; `null` while closed, or open longer than that.
    pub closes_at: Option<DateTime<Utc>>,
    /// When it opens next (after the current opening while open); `null` when no
    /// opening is left in the coming year.
    pub next_opening: Option<DateTime<Utc>>,
    /// The zone's offset from UTC now, in seconds, to show times as the shop's clock.
    pub utc_offset_seconds: i32,
}

impl ShopHours {
    /// Where the shop stands, on its own clock (the zone's offset now): `Open now, until
    /// 22:00.`, `Open now.` (not closing within a day), `Closed now; opens Tuesday at
    /// 11:00.` Spelled from the time's parts: chrono's formatting would weigh on the wasm
    /// bundle.
    pub fn standing(&self) -> String {
        let offset = FixedOffset::east_opt(self.utc_offset_seconds)
            .unwrap_or(FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()));
        let clock = |at: DateTime<Utc>| {
            let local = at.with_timezone(&offset);
            format!("{:02}:{:02}", local.hour(), local.minute())
        };
        let day = |at: DateTime<Utc>| {
            let weekday = at.with_timezone(&offset).weekday();
            DAY_NAMES[weekday.num_days_from_monday() as usize]
        };
        match (self.open_now, self.closes_at, self.next_opening) {
            (true, Some(closes), _) => format!("Open now, until {}.", clock(closes)),
            (true, None, _) => "Open now.".to_owned(),
            (false, _, Some(opens)) => {
                format!("Closed now; opens {} at {}.", day(opens), clock(opens))
            }
            (false, _, None) => "Closed, with no opening planned.".to_owned(),
        }
    }
}

/// Whether the shop takes orders now, as the menu says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ShopStatus {
    pub open_now: bool,
    /// [`ShopHours::standing`]: `Open now, until 22:00.`
    pub standing: String,
}

/// Whether the shop is open now, in a sentence (anyone): what the menu shows, without
/// the week's hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GetShopStatus;

impl Request for GetShopStatus {
    type Response = ShopStatus;
    const KIND: RequestKind = RequestKind::Query;
}

/// Reads the opening hours and whether the shop is open (anyone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GetShopHours;

impl Request for GetShopHours {
    type Response = ShopHours;
    const KIND: RequestKind = RequestKind::Query;
}

/// Replaces the opening hours, time zone included (managers); answers them as stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UpdateShopHours {
    pub hours: OpeningHours,
}

impl Request for UpdateShopHours {
    type Response = ShopHours;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let hours = &self.hours;
        required_text(&mut errors, "timezone", &hours.timezone, MAX_TIMEZONE_LEN);
        for (day, name) in WEEKDAYS {
            day_rules(&mut errors, name, hours.weekly.day(day));
        }
        if hours.closures.len() > MAX_CLOSURES {
            let message = format!("List at most {MAX_CLOSURES} closure days.");
            errors.push(FieldError::new("closures", message));
        }
        for (index, day) in hours.closures.iter().enumerate() {
            if hours.closures[..index].contains(day) {
                let message = format!("{day} is listed twice.");
                errors.push(FieldError::new(format!("closures[{index}]"), message));
            }
        }
        verdict(errors)
    }
}

/// Each opening of one day valid, at most [`MAX_OPENINGS_A_DAY`], in order and apart.
fn day_rules(errors: &mut Vec<FieldError>, name: &str, openings: &[Opening]) {
    if openings.len() > MAX_OPENINGS_A_DAY {
        let message = format!("Give at most {MAX_OPENINGS_A_DAY} openings a day.");
        errors.push(FieldError::new(format!("weekly.{name}"), message));
    }
    let mut previous_close = None;
    for (index, opening) in openings.iter().enumerate() {
        let field = format!("weekly.{name}[{index}]");
        if clock_minutes(&opening.opens).is_none_or(|m| m >= MINUTES_A_DAY) {
            let message = "Give the opening time as HH:MM, 00:00 to 23:59.";
            errors.push(FieldError::new(format!("{field}.opens"), message));
            continue;
        }
        if clock_minutes(&opening.closes).is_none() {
            let message = "Give the closing time as HH:MM, 00:00 to 24:00.";
            errors.push(FieldError::new(format!("{field}.closes"), message));
            continue;
        }
        let Some((opens, closes)) = opening.span() else {
            let message = "The closing time must differ from the opening time.";
            errors.push(FieldError::new(format!("{field}.closes"), message));
            continue;
        };
        if previous_close.is_some_and(|close| opens < close) {
            let message = "List a day's openings in order, each after the one before closes.";
            errors.push(FieldError::new(format!("{field}.opens"), message));
        }
        previous_close = Some(closes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(weekly: WeeklyHours, closures: Vec<NaiveDate>) -> UpdateShopHours {
        UpdateShopHours {
            hours: OpeningHours {
                timezone: "Europe/Rome".into(),
                weekly,
                closures,
            },
        }
    }

    fn fields(command: &UpdateShopHours) -> Vec<String> {
        command
            .validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn the_standing_is_said_on_the_shops_clock() {
        let at = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
        let hours = ShopHours {
            timezone: "Europe/Rome".into(),
            weekly: WeeklyHours::default(),
            closures: Vec::new(),
            open_now: true,
            closes_at: Some(at("2026-12-07T21:00:00Z")),
            next_opening: Some(at("2026-12-08T10:00:00Z")),
            utc_offset_seconds: 3600,
        };
        assert_eq!(hours.standing(), "Open now, until 22:00.");
        let closed = ShopHours {
            open_now: false,
            closes_at: None,
            ..hours.clone()
        };
        assert_eq!(closed.standing(), "Closed now; opens Tuesday at 11:00.");
        let always = ShopHours {
            closes_at: None,
            ..hours
        };
        assert_eq!(always.standing(), "Open now.");
    }

    #[test]
    fn clock_times_are_hh_mm_up_to_midnight() {
        assert_eq!(clock_minutes("00:00"), Some(0));
        assert_eq!(clock_minutes("11:30"), Some(690));
        assert_eq!(clock_minutes("24:00"), Some(1440));
        for bad in ["24:01", "9:00", "12:60", "12-00", "ab:cd", ""] {
            assert_eq!(clock_minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_opening_may_run_past_midnight_but_not_close_when_it_opens() {
        assert_eq!(Opening::new("11:00", "22:00").span(), Some((660, 1320)));
        assert_eq!(Opening::new("00:00", "24:00").span(), Some((0, 1440)));
        assert_eq!(Opening::new("18:00", "02:00").span(), Some((1080, 1560)));
        assert_eq!(Opening::new("11:00", "11:00").span(), None);
        assert_eq!(Opening::new("24:00", "02:00").span(), None);
    }

    #[test]
    fn good_hours_pass_and_each_broken_rule_names_its_field() {
        let lunch_and_dinner = vec![
            Opening::new("11:30", "14:30"),
            Opening::new("18:00", "23:00"),
        ];
        let good = update(
            WeeklyHours::every_day(lunch_and_dinner),
            vec![NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()],
        );
        assert_eq!(fields(&good), Vec::<String>::new());

        let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        let bad = update(
            WeeklyHours {
                monday: vec![Opening::new("25:00", "22:00")],
                tuesday: vec![Opening::new("11:00", "11:00")],
                wednesday: vec![
                    Opening::new("18:00", "23:00"),
                    Opening::new("11:00", "14:00"),
                ],
                thursday: vec![Opening::new("11:00", "9pm")],
                friday: vec![Opening::new("01:00", "02:00"); 5],
                ..WeeklyHours::default()
            },
            vec![christmas, christmas],
        );
        assert_eq!(
            fields(&bad),
            [
                "weekly.monday[0].opens",
                "weekly.tuesday[0].closes",
                "weekly.wednesday[1].opens",
                "weekly.thursday[0].closes",
                "weekly.friday",
                "weekly.friday[1].opens",
                "weekly.friday[2].opens",
                "weekly.friday[3].opens",
                "weekly.friday[4].opens",
                "closures[1]",
            ]
        );
        let nameless = UpdateShopHours {
            hours: OpeningHours {
                timezone: " ".into(),
                ..good.hours
            },
        };
        assert_eq!(fields(&nameless), ["timezone"]);
    }
}
