// DMARC record parsing and validation (RFC 9989 §4.7 tags, RFC 7489 §6.3/§6.4 differences).
#include <doctest/doctest.h>

#include <algorithm>

#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/record.hpp"

using namespace maildiag;
using namespace maildiag::dmarc;

namespace {
const Finding* find(const std::vector<Finding>& fs, const std::string& code) {
  auto it = std::find_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
  return it == fs.end() ? nullptr : &*it;
}
std::string at(const std::string& text, Span s) { return text.substr(s.begin, s.size()); }
}  // namespace

TEST_CASE("RFC 9989 §4.7: a complete record parses with tags and byte spans") {
  std::string text = "v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=r; rua=mailto:agg@example.com; ruf=mailto:f@example.com; fo=1";
  Record r = parse_record(text);
  CHECK(r.is_dmarc);
  CHECK(r.valid());
  CHECK(r.p == Policy::quarantine);
  CHECK(effect_of(r).sp == Policy::reject);
  CHECK(effect_of(r).np == Policy::reject);  // np falls back to sp
  CHECK(r.adkim == AlignmentMode::strict);
  CHECK(r.aspf == AlignmentMode::relaxed);
  REQUIRE(r.rua.size() == 1);
  CHECK(r.rua[0].valid);
  CHECK(r.rua[0].domain == "example.com");
  CHECK(at(text, r.rua[0].span) == "mailto:agg@example.com");
  REQUIRE(r.tags.size() == 8);
  CHECK(at(text, r.tags[1].span) == "p=quarantine");
  CHECK(at(text, r.tags[2].value_span) == "reject");
  CHECK(r.fo == std::vector<std::string>{"1"});
  CHECK(r.findings.empty());
}

TEST_CASE("RFC 9989 §4.7: v=DMARC1 must come first and match exactly") {
  CHECK(find(parse_record("p=reject; v=DMARC1").findings, "dmarc.missing_version"));
  CHECK_FALSE(parse_record("p=reject; v=DMARC1").is_dmarc);
  auto lower = parse_record("v=dmarc1; p=reject");
  CHECK_FALSE(lower.is_dmarc);
  REQUIRE(find(lower.findings, "dmarc.bad_version"));
  CHECK(find(lower.findings, "dmarc.bad_version")->span == Span{2, 8});
  CHECK(find(parse_record("").findings, "dmarc.missing_version"));
}

TEST_CASE("Leading whitespace makes receivers ignore the record") {
  auto r = parse_record("  v=DMARC1; p=none; rua=mailto:a@example.com");
  const Finding* f = find(r.findings, "dmarc.leading_whitespace");
  REQUIRE(f);
  CHECK(f->severity == Severity::error);
  CHECK(f->span == Span{0, 2});
  CHECK(r.tags[0].span == Span{2, 10});
}

TEST_CASE("RFC 9989 §4.7: invalid policy, alignment, psd and t values are errors at the value") {
  std::string text = "v=DMARC1; p=block; adkim=x; psd=maybe; t=1";
  auto r = parse_record(text);
  const Finding* p = find(r.findings, "dmarc.invalid_policy");
  REQUIRE(p);
  CHECK(at(text, p->span) == "block");
  CHECK(find(r.findings, "dmarc.invalid_alignment"));
  CHECK(find(r.findings, "dmarc.invalid_psd"));
  CHECK(find(r.findings, "dmarc.invalid_t"));
  CHECK_FALSE(r.valid());
}

TEST_CASE("Duplicate tags are errors; the first value is kept") {
  auto r = parse_record("v=DMARC1; p=reject; p=none; rua=mailto:a@example.com");
  CHECK(find(r.findings, "dmarc.duplicate_tag"));
  CHECK(r.p == Policy::reject);
  CHECK(r.tags[2].duplicate);
}

TEST_CASE("RFC 9989 §4.7: unknown tags are ignored and reported") {
  std::string text = "v=DMARC1; p=reject; rua=mailto:a@example.com; foo=bar";
  auto r = parse_record(text);
  const Finding* f = find(r.findings, "dmarc.unknown_tag");
  REQUIRE(f);
  CHECK(f->severity == Severity::warning);
  CHECK(at(text, f->span) == "foo=bar");
  CHECK(r.valid());
  CHECK(r.tags.back().status == TagStatus::unknown);
}

TEST_CASE("RFC 9989 removed pct, rf and ri; pct < 100 explains the behaviour change") {
  auto r = parse_record("v=DMARC1; p=quarantine; pct=25; rf=afrf; ri=86400; rua=mailto:a@example.com");
  std::size_t removed = std::count_if(r.findings.begin(), r.findings.end(),
                                      [](const Finding& f) { return f.code == "dmarc.removed_tag"; });
  CHECK(removed == 3);
  CHECK(r.pct == 25);
  CHECK(find(r.findings, "dmarc.removed_tag")->message.find("25%") != std::string::npos);
  CHECK(r.tags[2].status == TagStatus::removed);
}

TEST_CASE("RFC 9989 added np, psd and t: RFC 7489 receivers ignore them") {
  auto r = parse_record("v=DMARC1; p=reject; np=reject; psd=n; t=y; rua=mailto:a@example.com");
  CHECK(r.np == Policy::reject);
  CHECK(r.psd == 'n');
  CHECK(r.testing);
  std::size_t ignored = std::count_if(r.findings.begin(), r.findings.end(), [](const Finding& f) {
    return f.code == "dmarc.rfc7489_ignores";
  });
  CHECK(ignored == 3);
  CHECK(find(r.findings, "dmarc.testing"));
}

TEST_CASE("RFC 9989 §4.7: p is optional (none); RFC 7489 §6.6.3 needs p or a valid rua") {
  auto with_rua = parse_record("v=DMARC1; rua=mailto:a@example.com");
  CHECK(effect_of(with_rua).in_effect);
  CHECK(effect_of(with_rua).p == Policy::none);
  REQUIRE(find(with_rua.findings, "dmarc.missing_p"));
  CHECK(find(with_rua.findings, "dmarc.missing_p")->severity == Severity::warning);
  auto bare = parse_record("v=DMARC1");
  REQUIRE(find(bare.findings, "dmarc.missing_p"));
  CHECK(find(bare.findings, "dmarc.missing_p")->severity == Severity::error);
}

TEST_CASE("p=none is explained as monitoring only; missing rua means no visibility") {
  auto r = parse_record("v=DMARC1; p=none");
  CHECK(find(r.findings, "dmarc.monitoring_only"));
  CHECK(find(r.findings, "dmarc.no_rua"));
  CHECK(r.valid());  // both are advice, not errors
}

TEST_CASE("sp and np weaker than p are warned about") {
  auto r = parse_record("v=DMARC1; p=reject; sp=none; np=none; rua=mailto:a@example.com");
  CHECK(find(r.findings, "dmarc.sp_weaker"));
  auto n = parse_record("v=DMARC1; p=reject; np=quarantine; rua=mailto:a@example.com");
  CHECK(find(n.findings, "dmarc.np_weaker"));
  CHECK_FALSE(find(n.findings, "dmarc.sp_weaker"));
}

TEST_CASE("RFC 7489 §6.2: report URIs, size suffixes and more than two destinations") {
  std::string text =
      "v=DMARC1; p=reject; rua=mailto:a@example.com!10m,mailto:b@example.net,"
      "mailto:c@example.org; ruf=mailto:nobody,https://reports.example.com/,mailto:x@y.com!5q";
  auto r = parse_record(text);
  REQUIRE(r.rua.size() == 3);
  CHECK(r.rua[0].max_size == 10u * 1024 * 1024);
  CHECK(find(r.findings, "dmarc.size_suffix"));  // RFC 9989 dropped it
  const Finding* many = find(r.findings, "dmarc.too_many_report_uris");
  REQUIRE(many);
  CHECK(at(text, many->span) == "mailto:c@example.org");
  const Finding* bad = find(r.findings, "dmarc.invalid_uri");
  REQUIRE(bad);
  CHECK(at(text, bad->span) == "mailto:nobody");
  CHECK(find(r.findings, "dmarc.unsupported_uri_scheme"));
  const Finding* size = find(r.findings, "dmarc.invalid_size");
  REQUIRE(size);
  CHECK(at(text, size->span) == "!5q");
}

TEST_CASE("mailto: addresses are percent-decoded") {
  auto r = parse_record("v=DMARC1; p=none; rua=mailto:dmarc%2Breports@Example.COM");
  REQUIRE(r.rua.size() == 1);
  CHECK(r.rua[0].valid);
  CHECK(r.rua[0].address == "dmarc+reports@Example.COM");
  CHECK(r.rua[0].domain == "example.com");
}

TEST_CASE("RFC 9989 §4.10.1, RFC 7489 §6.6.3: several DMARC records at one name are discarded") {
  auto set = select_record({"v=DMARC1; p=reject", "v=DMARC1; p=none"});
  CHECK_FALSE(set.record);
  CHECK(set.dmarc_records == 2);
  CHECK(find(set.findings, "dmarc.multiple_records"));
}

TEST_CASE("SPF records and unrelated TXT at _dmarc are reported") {
  auto set = select_record({"v=spf1 -all", "google-site-verification=abc", "v=DMARC1; p=none"});
  REQUIRE(set.record);
  CHECK(set.record->p == Policy::none);
  CHECK(find(set.findings, "dmarc.spf_at_dmarc"));
  CHECK(find(set.findings, "dmarc.unrelated_txt"));
}

TEST_CASE("Hostile records end in findings, never a crash") {
  CHECK(find(parse_record(std::string(20000, 'x')).findings, "dmarc.too_long"));
  std::string many = "v=DMARC1";
  for (int i = 0; i < 100; ++i) many += "; x" + std::to_string(i) + "=1";
  CHECK(find(parse_record(many).findings, "dmarc.too_many_tags"));
  CHECK(find(parse_record("v=DMARC1; =; ==; ;;; p").findings, "dmarc.syntax"));
  CHECK(find(parse_record("v=DMARC1; p=none; rua=mailto:%zz@x.com").findings, "dmarc.invalid_uri"));
  CHECK(find(parse_record(std::string("v=DMARC1; p=none\0x", 18)).findings, "dmarc.invalid_policy"));
}

TEST_CASE("JSON form of a record: stable snake_case fields") {
  auto j = to_json(parse_record("v=DMARC1; p=quarantine; rua=mailto:a@example.com"));
  CHECK(j["is_dmarc"] == true);
  CHECK(j["p"] == "quarantine");
  CHECK(j["effective"]["sp"] == "quarantine");
  CHECK(j["tags"][1]["span"] == nlohmann::json::array({10, 22}));
  CHECK(j["rua"][0]["domain"] == "example.com");
  CHECK(j["findings"].is_array());
}
