//! Per-registry rate limits: a token bucket per host, so that a burst of submissions cannot
//! flood a registry (and get this service blocked by it).

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// One host's bucket.
#[derive(Debug, Clone)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Token buckets keyed by host.
#[derive(Debug, Default)]
pub struct RateLimits {
    buckets: HashMap<String, Bucket>,
}

impl RateLimits {
    /// Takes a token for `host` (`per_minute` refill, `burst` capacity) and returns how long
    /// the caller must wait before its request may go; `None` when that is longer than
    /// `max_wait` (no token is taken then).
    pub fn reserve(
        &mut self,
        host: &str,
        per_minute: u32,
        burst: u32,
        now: Instant,
        max_wait: Duration,
    ) -> Option<Duration> {
        if per_minute == 0 {
            return Some(Duration::ZERO);
        }
        let capacity = f64::from(burst.max(1));
        let rate = f64::from(per_minute) / 60.0;
        let b = self.buckets.entry(host.to_string()).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(b.updated).as_secs_f64();
        b.tokens = (b.tokens + elapsed * rate).min(capacity);
        b.updated = now;
        // A reservation may drive the balance negative: later callers wait behind it.
        let wait = if b.tokens >= 1.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - b.tokens) / rate)
        };
        if wait > max_wait {
            return None;
        }
        b.tokens -= 1.0;
        Some(wait)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_wait_then_refuse() {
        let t0 = Instant::now();
        let mut r = RateLimits::default();
        let max = Duration::from_secs(2);
        // 60/min, burst 2: two at once, the third waits a second, the fourth two.
        assert_eq!(r.reserve("h", 60, 2, t0, max), Some(Duration::ZERO));
        assert_eq!(r.reserve("h", 60, 2, t0, max), Some(Duration::ZERO));
        assert_eq!(r.reserve("h", 60, 2, t0, max), Some(Duration::from_secs(1)));
        assert_eq!(r.reserve("h", 60, 2, t0, max), Some(Duration::from_secs(2)));
        assert_eq!(r.reserve("h", 60, 2, t0, max), None);
        // Other hosts are not affected; time refills.
        assert_eq!(r.reserve("other", 60, 2, t0, max), Some(Duration::ZERO));
        assert_eq!(
            r.reserve("h", 60, 2, t0 + Duration::from_secs(10), max),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn zero_rate_is_unlimited() {
        let mut r = RateLimits::default();
        for _ in 0..100 {
            assert_eq!(
                r.reserve("h", 0, 1, Instant::now(), Duration::ZERO),
                Some(Duration::ZERO)
            );
        }
    }
}
