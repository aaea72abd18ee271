//! Which IP addresses a lookup may connect to: public unicast only, unless the operator marked
//! that exact host as local. Checked after DNS resolution (and on IP literals), so a name that
//! resolves to the metadata service or to the LAN is refused whatever the URL looked like.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why an address is not public, or `None` when it is a public unicast address.
pub fn non_public_reason(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_reason(v4),
        IpAddr::V6(v6) => v6_reason(v6),
    }
}

fn v4_reason(ip: Ipv4Addr) -> Option<&'static str> {
    let o = ip.octets();
    let reason = if ip == Ipv4Addr::new(169, 254, 169, 254) {
        "the cloud metadata address"
    } else if o[0] == 0 {
        "an unspecified (0.0.0.0/8) address"
    } else if ip.is_loopback() {
        "a loopback address"
    } else if ip.is_private() {
        "a private address"
    } else if ip.is_link_local() {
        "a link-local address"
    } else if o[0] == 100 && (o[1] & 0xC0) == 64 {
        "a shared (carrier-grade NAT) address"
    } else if o[0] == 192 && o[1] == 0 && o[2] == 0 {
        "an IETF protocol address"
    } else if ip.is_documentation() {
        "a documentation address"
    } else if o[0] == 198 && (o[1] & 0xFE) == 18 {
        "a benchmarking address"
    } else if ip.is_multicast() {
        "a multicast address"
    } else if o[0] >= 240 {
        "a reserved or broadcast address"
    } else {
        return None;
    };
    Some(reason)
}

fn v6_reason(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_reason(v4);
    }
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that is what gets reached.
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return v4_reason(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    if s[0] == 0x2002 {
        return v4_reason(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        ));
    }
    let reason = if ip.is_unspecified() {
        "the unspecified address"
    } else if ip.is_loopback() {
        "a loopback address"
    } else if ip == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254) {
        "the cloud metadata address"
    } else if (s[0] & 0xfe00) == 0xfc00 {
        "a unique-local (private) address"
    } else if (s[0] & 0xffc0) == 0xfe80 || (s[0] & 0xffc0) == 0xfec0 {
        "a link-local address"
    } else if ip.is_multicast() {
        "a multicast address"
    } else if s[0] == 0x2001 && s[1] == 0xdb8 {
        "a documentation address"
    } else if s[0] == 0x64 && s[1] == 0xff9b {
        "a local-use NAT64 address"
    } else if s[0] == 0x2001 && s[1] == 0 {
        "a Teredo address"
    } else if s[0] == 0x100 && s[1..4] == [0, 0, 0] {
        "a discard-only address"
    } else if s[0..6] == [0, 0, 0, 0, 0, 0] {
        "an IPv4-compatible address"
    } else {
        return None;
    };
    Some(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> Option<&'static str> {
        non_public_reason(s.parse().unwrap())
    }

    #[test]
    fn private_and_special_addresses_are_refused() {
        for a in [
            "127.0.0.1",
            "127.8.9.10",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "169.254.1.1",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2002:a00:1::1",
            "ff02::1",
        ] {
            assert!(reason(a).is_some(), "{a} should be refused");
        }
        assert_eq!(
            reason("169.254.169.254"),
            Some("the cloud metadata address")
        );
    }

    #[test]
    fn public_addresses_pass() {
        for a in [
            "8.8.8.8",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert_eq!(reason(a), None, "{a}");
        }
    }
}
