// Copyright 2026 The libdiff Authors.
#include "store/url.h"

#include <gtest/gtest.h>

#include "libdiff/store.h"

namespace libdiff {
namespace {

std::string Key(const std::string& url) {
  auto r = NormalizeUrl(url);
  EXPECT_TRUE(r.ok()) << url << ": " << r.status().ToString();
  return r.ok() ? *r : "";
}

TEST(NormalizeUrl, DropsSchemeCaseDefaultPortsAndFragment) {
  EXPECT_EQ(Key("HTTPS://WWW.Example.COM:443/News/Story#top"), "example.com/News/Story");
  EXPECT_EQ(Key("http://example.com:80/News/Story"), "example.com/News/Story");
  EXPECT_EQ(Key("https://example.com:8443/a"), "example.com:8443/a");
}

TEST(NormalizeUrl, PathCaseIsKept) {
  EXPECT_NE(Key("https://example.com/a/Story"), Key("https://example.com/a/story"));
}

TEST(NormalizeUrl, RemovesTrackingParametersAndSortsTheRest) {
  const std::string base = Key("https://example.com/story?id=7&page=2");
  EXPECT_EQ(base, "example.com/story?id=7&page=2");
  EXPECT_EQ(Key("https://example.com/story?page=2&utm_source=tw&id=7&fbclid=abc"), base);
  EXPECT_EQ(Key("https://example.com/story?gclid=1&id=7&UTM_Campaign=x&page=2&mc_eid=9"), base);
  EXPECT_EQ(Key("https://example.com/story?id=7&page=2&"), base);
}

TEST(NormalizeUrl, RemovesPercentEncodedTrackingAndAmpParameters) {
  // Escapes of unreserved characters are decoded before the filter, so an
  // encoded name is filtered like the plain one (and the key is stable).
  const std::string base = Key("https://example.com/story?id=7");
  EXPECT_EQ(Key("https://example.com/story?id=7&utm%5Fsource=x"), base);
  EXPECT_EQ(Key("https://example.com/story?%75tm_medium=social&id=7"), base);
  EXPECT_EQ(Key("https://example.com/story?id=7&%66bclid=IwAR1"), base);
  EXPECT_EQ(Key("https://example.com/story?%46%42CLID=IwAR1&id=7"), base);
  EXPECT_EQ(Key("https://example.com/story?id=7&g%63lid=1&m%63_eid=2"), base);
  EXPECT_EQ(Key("https://example.com/story?id=7&am%70=1"), base);
  EXPECT_EQ(Key("https://example.com/story?id=7&outputType=%61mp"), base);
  // Reserved characters stay encoded and keep the parameter distinct.
  EXPECT_EQ(Key("https://example.com/story?id=7&utm%3Dsource=x"), "example.com/story?id=7&utm%3Dsource=x");
  EXPECT_EQ(Key("https://example.com/story?id=%37"), base);
}

TEST(NormalizeUrl, FoldsAmpVariants) {
  const std::string base = Key("https://example.com/world/storm-kills-10");
  EXPECT_EQ(Key("https://example.com/world/storm-kills-10/amp"), base);
  EXPECT_EQ(Key("https://example.com/world/storm-kills-10/amp/"), base);
  EXPECT_EQ(Key("https://example.com/amp/world/storm-kills-10"), base);
  EXPECT_EQ(Key("https://amp.example.com/world/storm-kills-10"), base);
  EXPECT_EQ(Key("https://example.com/world/storm-kills-10?amp=1"), base);
  EXPECT_EQ(Key("https://example.com/world/storm-kills-10?outputType=amp"), base);
  EXPECT_EQ(Key("https://www.google.com/amp/s/example.com/world/storm-kills-10"), base);
  EXPECT_EQ(Key("https://example-com.cdn.ampproject.org/c/s/example.com/world/storm-kills-10"), base);
  EXPECT_EQ(Key("https://example.com/world/storm.amp.html"), Key("https://example.com/world/storm.html"));
}

TEST(NormalizeUrl, NormalisesEscapesAndDotSegments) {
  EXPECT_EQ(Key("https://example.com/a/%7euser/./b/../c"), "example.com/a/~user/c");
  EXPECT_EQ(Key("https://example.com/a%2fb"), "example.com/a%2Fb");
  EXPECT_EQ(Key("https://example.com"), "example.com/");
}

TEST(NormalizeUrl, RejectsNonHttpAndMissingHost) {
  EXPECT_TRUE(NormalizeUrl("ftp://example.com/a").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("example.com/a").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https:///a").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://exa mple.com/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://example.com:8x/").status().IsInvalidArgument());
}

TEST(NormalizeUrl, ParsesUserinfoHostAndPort) {
  EXPECT_EQ(Key("https://user@example.com/x"), "example.com/x");
  EXPECT_EQ(Key("https://user:pa:ss@Example.com:8080/x"), "example.com:8080/x");
  EXPECT_EQ(Key("https://us@er:p@example.com/x"), "example.com/x");
  EXPECT_EQ(Key("https://example.com:/x"), "example.com/x");
  EXPECT_EQ(Key("https://example.com:0443/x"), "example.com/x");
  EXPECT_EQ(Key("https://example.com:08080/x"), "example.com:8080/x");
  EXPECT_EQ(Key("https://example.com:8080?id=1"), "example.com:8080/?id=1");
  // ':' after the authority belongs to the path, query or fragment.
  EXPECT_EQ(Key("https://example.com/a:b/c:80"), "example.com/a:b/c:80");
  EXPECT_EQ(Key("https://example.com?t=12:30"), "example.com/?t=12:30");
  EXPECT_EQ(Key("https://example.com#t:1"), "example.com/");
  EXPECT_TRUE(NormalizeUrl("https://example.com:99999/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://example.com:-1/").status().IsInvalidArgument());
}

TEST(NormalizeUrl, ParsesBracketedIpv6Hosts) {
  EXPECT_EQ(Key("https://[::1]:8080/a"), "[::1]:8080/a");
  EXPECT_EQ(Key("https://[::1]/a"), "[::1]/a");
  EXPECT_EQ(Key("https://[::1]:443/a"), "[::1]/a");
  EXPECT_EQ(Key("https://user:pw@[2001:DB8::1]:8080/a"), "[2001:db8::1]:8080/a");
  EXPECT_EQ(Key("https://[::ffff:192.0.2.1]/a"), "[::ffff:192.0.2.1]/a");
  EXPECT_TRUE(NormalizeUrl("http://[::1:80/x").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://[::1]x/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://[::1]:8x/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://[]/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://[example.com]/").status().IsInvalidArgument());
}

TEST(NormalizeUrl, RejectsHostsThatAreNotHosts) {
  // An unbracketed host cannot hold ':'; taking the port after the last ':'
  // used to keep "a:b" as the host.
  EXPECT_TRUE(NormalizeUrl("http://a:b:/x").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://a:1:2/x").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("HTTPS://amobile.:8:/aamp=1/a$::::::0").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://s..:://ss:").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://ex\x7f" "ample.com/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://ex<ample.com/").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://user@/x").status().IsInvalidArgument());
  EXPECT_TRUE(NormalizeUrl("https://:8080/x").status().IsInvalidArgument());
  // UTF-8 (not yet punycoded) hosts are hosts.
  EXPECT_EQ(Key("https://b\xc3\xbc" "cher.example/x"), "b\xc3\xbc" "cher.example/x");
}

TEST(SiteOf, KeepsRegistrableDomain) {
  EXPECT_EQ(SiteOf("https://news.example.com/a"), "example.com");
  EXPECT_EQ(SiteOf("example.com/a"), "example.com");
  EXPECT_EQ(SiteOf("https://www.bbc.co.uk/news/1"), "bbc.co.uk");
  EXPECT_EQ(SiteOf("https://user@Sub.Example.ORG:8080/x"), "example.org");
  EXPECT_NE(SiteOf("https://a.com/x"), SiteOf("https://b.com/x"));
}

TEST(SiteOf, IgnoresUrlsInsideTheQuery) {
  // A key has no scheme, so the first "://" may be inside a parameter value.
  EXPECT_EQ(SiteOf("a.example/x?u=https://b.example/"), "a.example");
  EXPECT_EQ(SiteOf("a.example?u=https://b.example/"), "a.example");
  EXPECT_EQ(SiteOf("a.example/r/https://b.example/y"), "a.example");
  EXPECT_EQ(SiteOf("https://a.example/x?u=https://b.example/"), "a.example");
  EXPECT_EQ(SiteOf(Key("https://news.a.example/x?u=https://b.example/")), "a.example");
  EXPECT_EQ(SiteOf("HTTP://News.A.Example/x"), "a.example");
}

TEST(SiteOf, ParsesUserinfoPortsAndAddresses) {
  EXPECT_EQ(SiteOf("https://u:p@news.a.example:8080/x"), "a.example");
  EXPECT_EQ(SiteOf("https://user:pw@[::1]:8080/x"), "[::1]");
  EXPECT_EQ(SiteOf("[::1]:8080/x"), "[::1]");
  EXPECT_EQ(SiteOf(Key("https://[2001:db8::1]:8080/x")), SiteOf(Key("https://[2001:db8::1]/y")));
  // An IPv4 address is its own site, not its last two numbers.
  EXPECT_EQ(SiteOf("192.0.2.10:8080/x"), "192.0.2.10");
  EXPECT_NE(SiteOf("https://192.0.2.10/x"), SiteOf("https://198.51.2.10/x"));
}

TEST(LooksLikeSlugChange, SameDirectoryOrArticleNumber) {
  using internal::LooksLikeSlugChange;
  EXPECT_TRUE(LooksLikeSlugChange("example.com/2026/11/28/storm-kills-10",
                                  "example.com/2026/11/28/storm-kills-14"));
  EXPECT_TRUE(LooksLikeSlugChange("example.com/news/storm-kills-10-a123456",
                                  "example.com/world/storm-toll-rises-a123456"));
  EXPECT_FALSE(LooksLikeSlugChange("example.com/news/storm", "example.com/sport/storm"));
  EXPECT_FALSE(LooksLikeSlugChange("example.com/storm", "example.com/flood"));  // no directory
  EXPECT_FALSE(LooksLikeSlugChange("example.com/2026/11/28/storm",
                                   "other.com/2026/11/28/storm"));
}

TEST(IsTrackingParameter, KnownNames) {
  EXPECT_TRUE(internal::IsTrackingParameter("utm_medium"));
  EXPECT_TRUE(internal::IsTrackingParameter("FBCLID"));
  EXPECT_FALSE(internal::IsTrackingParameter("id"));
  EXPECT_FALSE(internal::IsTrackingParameter("page"));
}

}  // namespace
}  // namespace libdiff
