// Copyright 2026 The libdiff Authors.
#include "store/url.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

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
  EXPECT_EQ(Key("https://example.com/story?id=7&utm%3Dsource=x"),
            "example.com/story?id=7&utm%3Dsource=x");
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
  EXPECT_EQ(Key("https://example-com.cdn.ampproject.org/c/s/example.com/world/storm-kills-10"),
            base);
  EXPECT_EQ(Key("https://example.com/world/storm.amp.html"),
            Key("https://example.com/world/storm.html"));
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

// A key given back with either scheme must normalise to itself.
void ExpectIdempotent(const std::string& url) {
  const auto key = NormalizeUrl(url);
  if (!key.ok()) return;
  for (const char* scheme : {"https://", "http://"}) {
    const auto again = NormalizeUrl(scheme + *key);
    ASSERT_TRUE(again.ok()) << url << " -> " << *key << ": " << again.status().ToString();
    ASSERT_EQ(*again, *key) << url;
  }
}

TEST(NormalizeUrl, IsIdempotentOnOddUrls) {
  for (const char* url : {
           "https://o/b/amp//amp/", "https://example.com/amp/amp/x", "https://example.com/x/amp/.",
           "https://example.com/a/../amp/x", "https://example.com/x/amp.amp",
           "https://example.com/x.amp.amp.html", "https://example.com/x/..amp",
           "https://example.com/x/...amp/y", "https://example.com/%%36%31",
           "https://example.com/%2e%2e/amp/x", "https://example.com/x?%%36%31=1",
           "https://www.google.com/amp/s/www.google.com/amp/s/example.com/a",
           "https://google.com//amp/s/example.com/a", "https://google.com/x/../amp/s/example.com/a",
           "https://cdn.ampproject.org/c/s/../x", "https://a.com/x?u=https://b.com/",
           "https://a.com/?utm%5Fsource=x&id=1", "HTTPS://WWW.M.Example.COM.:0443/A/./B/",
           "https://www..x.com/", "https://[::1]:08080/amp/",
           "https://example.com/x?outputType=AMP"}) {
    ExpectIdempotent(url);
  }
}

TEST(NormalizeUrl, IsIdempotentOnGeneratedUrls) {
  const std::vector<std::string> schemes = {"https://", "http://", "HTTPS://", "HtTp://"};
  const std::vector<std::string> userinfo = {"", "", "", "user@", "u:p@", "a@b@"};
  const std::vector<std::string> hosts = {
      "example.com", "www.example.com", "WWW.M.Example.COM.", "amp.example.co.uk", "m.www.x.org",
      "mobile.", "www.", "[::1]", "[2001:DB8::1]", "192.0.2.1", "www.google.com", "google.com",
      "example-com.cdn.ampproject.org", "cdn.ampproject.org", "b\xc3\xbc" "cher.de", "www..x.com",
      "localhost", "a", "ex%41mple.com"};
  const std::vector<std::string> ports = {"", "", "", ":", ":80", ":443", ":0443", ":8080",
                                          ":08080", ":0"};
  const std::vector<std::string> segments = {
      "amp", "AMP", "", ".", "..", "a", "b.amp", "x.amp.html", "amp.amp", "..amp", "...amp",
      "%7e", "%7E", "%2F", "%2e", "%2E%2E", "%", "%%36%31", "%25", "%41", "s", "c", "v",
      "example.com", "www.example.com", "amp.example.com", "a b", "a:b", "%zz", "~", "x%20y",
      "\xc3\xa9", "https:", "index.html", ".amp", "amp.html", "google.com", "[::1]", "a@b"};
  const std::vector<std::string> params = {
      "id=7", "utm_source=x", "UTM_Medium=y", "utm%5Fsource=x", "%75tm_campaign=z", "fbclid=1",
      "%66bclid=2", "FBCLID=3", "amp=1", "amp", "am%70=1", "outputType=amp", "outputType=%61mp",
      "outputType=html", "page=2", "a=%7e", "a=%7E", "b=%2f", "", "=", "q=a%26b",
      "x=https://b.example/", "u=%", "p=%%36%31", "z", "Z=1", "amp_js_v=0.1", "usqp=mq331AQ",
      "t=12:30", "r=a/../b", "s=%3F"};
  const std::vector<std::string> fragments = {"", "", "#top", "#a:b", "#", "#?x=1"};
  std::mt19937 rng(20261128);
  auto pick = [&rng](const std::vector<std::string>& v) -> const std::string& {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  };
  int keys = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string url = pick(schemes) + pick(userinfo) + pick(hosts) + pick(ports);
    const int depth = std::uniform_int_distribution<int>(0, 6)(rng);
    for (int d = 0; d < depth; ++d) url += "/" + pick(segments);
    if (rng() % 3 == 0) url += "/";
    const int count = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int p = 0; p < count; ++p) url += (p == 0 ? "?" : "&") + pick(params);
    url += pick(fragments);
    ExpectIdempotent(url);
    if (::testing::Test::HasFatalFailure()) return;
    keys += NormalizeUrl(url).ok() ? 1 : 0;
  }
  EXPECT_GT(keys, 10000);  // the generator makes mostly valid URLs
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
