"""Hosts of addresses: whose site an address is on (the publisher table's `hosts`), and which hosts are bare IPs.

The build steps, the validator, the site's source lines and the tests all ask here, so "a publisher's own site"
means one thing everywhere.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlparse

# An address in running text, and a bare host name (on a common top-level domain, so file names such as
# datapackage.json are not taken for hosts) or IP address.
TLDS = "com|cn|net|org|info|jp|hk|ae|pro|ren|cc|group|io|uk|de|ru|co|tv|top|xyz|me|site|news|biz|asia|int"
OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
ADDRESS_IN_TEXT = re.compile(r"https?://[^\s\"'<>)）,，;；]+")
HOST_IN_TEXT = re.compile(r"(?<![\w.@/-])(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + TLDS + r")|" + OCTET + r"(?:\." + OCTET + r"){3})(?::\d+)?(?![\w-]|\.[a-z0-9])",
                          re.IGNORECASE)


def host_of(url: str) -> str:
    """The host of an address, lower case, without port ('' when it has none)."""
    return (urlparse(url).hostname or "").lower()


def is_ip_address(host: str) -> bool:
    """True for a bare IPv4 or IPv6 address."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def on_site(url: str, sites: tuple[str, ...] | list[str]) -> bool:
    """True when the address is on one of the sites: a host name, or a host and folder such as 'github.com/owid'."""
    host = host_of(url)
    place = host + urlparse(url).path
    return any(host == site if "/" not in site else place == site or place.startswith(site + "/") for site in sites)


def names_a_site(host: str, sites: tuple[str, ...] | list[str]) -> bool:
    """True when a host named in text is one of the sites or their domain ('CCTV.com' names www.cctv.com)."""
    host = host.lower().split(":")[0]
    return any((site := entry.split("/")[0]) == host or site.endswith("." + host) for entry in sites)


def without_other_hosts(text: str, sites: tuple[str, ...] | list[str]) -> str:
    """Text with every address and host name that is not on one of the sites replaced by words for readers."""
    text = ADDRESS_IN_TEXT.sub(lambda m: m.group() if on_site(m.group(), sites) else "a reprint", text)
    return HOST_IN_TEXT.sub(lambda m: m.group() if names_a_site(m.group(), sites) else "a reprint site", text)
