//! Answers kept for a while, so that the same code checked again (a resubmission, a retried
//! job, two reports with one code) does not hit the registry again.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::verify::capability::LookupAnswer;

/// A bounded map from URL to answer, each entry good for `ttl`.
#[derive(Debug)]
pub struct TtlCache {
    ttl: Duration,
    max: usize,
    entries: HashMap<String, (Instant, LookupAnswer)>,
}

impl TtlCache {
    /// A cache of at most `max` answers, each kept `ttl` (zero either way: no caching).
    pub fn new(ttl: Duration, max: usize) -> TtlCache {
        TtlCache {
            ttl,
            max,
            entries: HashMap::new(),
        }
    }

    /// The answer for `url`, while fresh.
    pub fn get(&mut self, url: &str, now: Instant) -> Option<LookupAnswer> {
        match self.entries.get(url) {
            Some((at, answer)) if now.duration_since(*at) < self.ttl => Some(answer.clone()),
            Some(_) => {
                self.entries.remove(url);
                None
            }
            None => None,
        }
    }

    /// Keeps `answer` for `url`; when full, drops the expired entries, then the oldest.
    pub fn put(&mut self, url: &str, answer: LookupAnswer, now: Instant) {
        if self.ttl.is_zero() || self.max == 0 {
            return;
        }
        if self.entries.len() >= self.max && !self.entries.contains_key(url) {
            let ttl = self.ttl;
            self.entries
                .retain(|_, (at, _)| now.duration_since(*at) < ttl);
            if self.entries.len() >= self.max
                && let Some(oldest) = self
                    .entries
                    .iter()
                    .min_by_key(|(_, (at, _))| *at)
                    .map(|(k, _)| k.clone())
            {
                self.entries.remove(&oldest);
            }
        }
        self.entries.insert(url.to_string(), (now, answer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16) -> LookupAnswer {
        LookupAnswer {
            status,
            content_type: None,
            body: vec![1, 2, 3],
            final_url: None,
            cached: false,
        }
    }

    #[test]
    fn entries_expire_and_the_oldest_makes_room() {
        let t0 = Instant::now();
        let mut c = TtlCache::new(Duration::from_secs(10), 2);
        c.put("a", answer(200), t0);
        c.put("b", answer(404), t0 + Duration::from_secs(1));
        assert_eq!(c.get("a", t0 + Duration::from_secs(5)).unwrap().status, 200);
        assert!(c.get("a", t0 + Duration::from_secs(11)).is_none());
        c.put("a", answer(200), t0 + Duration::from_secs(2));
        c.put("c", answer(200), t0 + Duration::from_secs(3));
        // b was the oldest when c arrived.
        assert!(c.get("b", t0 + Duration::from_secs(4)).is_none());
        assert!(c.get("c", t0 + Duration::from_secs(4)).is_some());
    }

    #[test]
    fn zero_ttl_keeps_nothing() {
        let t0 = Instant::now();
        let mut c = TtlCache::new(Duration::ZERO, 10);
        c.put("a", answer(200), t0);
        assert!(c.get("a", t0).is_none());
    }
}
