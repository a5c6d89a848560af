// The sans-IO DNS model: addresses, answer sanitizing, the cache, the JSON zone and the drive loop.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/ip_address.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"

using namespace maildiag::dns;

TEST_CASE("IPv4 parsing is strict: dotted quad, no leading zeros (RFC 7208 §4.6.1 qnum)") {
  CHECK(IpAddress::parse("192.0.2.1"));
  CHECK(IpAddress::parse("0.0.0.0"));
  CHECK(IpAddress::parse("255.255.255.255"));
  CHECK_FALSE(IpAddress::parse("256.0.0.1"));
  CHECK_FALSE(IpAddress::parse("01.2.3.4"));
  CHECK_FALSE(IpAddress::parse("1.2.3"));
  CHECK_FALSE(IpAddress::parse("1.2.3.4.5"));
  CHECK_FALSE(IpAddress::parse("1.2.3.4 "));
  CHECK_FALSE(IpAddress::parse(""));
}

TEST_CASE("IPv6 parsing and RFC 5952 formatting") {
  auto ip = IpAddress::parse("2001:DB8:0:0:0:0:0:1");
  REQUIRE(ip);
  CHECK(ip->to_string() == "2001:db8::1");
  CHECK(IpAddress::parse("::")->to_string() == "::");
  CHECK(IpAddress::parse("::1")->to_string() == "::1");
  CHECK(IpAddress::parse("1::")->to_string() == "1::");
  CHECK(IpAddress::parse("2001:db8:0:1:0:0:0:1")->to_string() == "2001:db8:0:1::1");
  CHECK(IpAddress::parse("::ffff:192.0.2.1")->to_string() == "::ffff:c000:201");
  CHECK_FALSE(IpAddress::parse("1:2:3:4:5:6:7:8:9"));
  CHECK_FALSE(IpAddress::parse("1::2::3"));
  CHECK_FALSE(IpAddress::parse(":1::2"));
  CHECK_FALSE(IpAddress::parse("1:2:3:4:5:6:7:"));
  CHECK_FALSE(IpAddress::parse("12345::"));
  CHECK_FALSE(IpAddress::parse("::g"));
}

TEST_CASE("IPv4-mapped IPv6 unmaps to IPv4; prefixes match per family") {
  auto mapped = IpAddress::parse("::ffff:192.0.2.7");
  REQUIRE(mapped);
  auto v4 = mapped->unmapped();
  CHECK_FALSE(v4.is_v6);
  CHECK(v4.to_string() == "192.0.2.7");
  CHECK(v4.in_network(*IpAddress::parse("192.0.2.0"), 24));
  CHECK_FALSE(v4.in_network(*IpAddress::parse("192.0.3.0"), 24));
  CHECK(v4.in_network(*IpAddress::parse("10.0.0.0"), 0));
  CHECK_FALSE(mapped->in_network(*IpAddress::parse("192.0.2.0"), 24));
  auto v6 = IpAddress::parse("2001:db8:1::5");
  CHECK(v6->in_network(*IpAddress::parse("2001:db8::"), 32));
  CHECK(v6->in_network(*IpAddress::parse("2001:db8:1::"), 48));
  CHECK_FALSE(v6->in_network(*IpAddress::parse("2001:db8:2::"), 47));
}

TEST_CASE("reverse names and dotted nibbles (RFC 7208 §7.3 %{i})") {
  CHECK(IpAddress::parse("192.0.2.10")->reverse_name() == "10.2.0.192.in-addr.arpa");
  auto v6 = IpAddress::parse("2001:db8::cb01");
  CHECK(v6->dotted_nibbles() == "2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1");
  CHECK(v6->reverse_name() == "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
}

TEST_CASE("names are normalized and bounded (RFC 1035 §2.3.4)") {
  CHECK(normalize_name("Example.COM.") == "example.com");
  CHECK(is_valid_name("a.b"));
  CHECK_FALSE(is_valid_name("a..b"));
  CHECK_FALSE(is_valid_name(""));
  CHECK_FALSE(is_valid_name(std::string(64, 'a') + ".com"));
  CHECK(is_valid_name(std::string(63, 'a') + ".com"));
  CHECK_FALSE(is_valid_name(std::string(254, 'a')));
}

TEST_CASE("sanitize drops other types and rejects oversized or malformed answers") {
  Record txt{RecordType::TXT, {"v=spf1 -all"}, {}, 0};
  Record cname{RecordType::CNAME, {}, "Other.Example.", 0};
  auto a = sanitize(Answer::with_records({txt, cname}), RecordType::TXT);
  CHECK(a.kind == AnswerKind::records);
  CHECK(a.records.size() == 1);

  auto only_cname = sanitize(Answer::with_records({cname}), RecordType::TXT);
  CHECK(only_cname.kind == AnswerKind::nodata);

  Record big{RecordType::TXT, {std::string(256, 'x')}, {}, 0};
  CHECK(sanitize(Answer::with_records({big}), RecordType::TXT).kind == AnswerKind::error);

  Record huge{RecordType::TXT, std::vector<std::string>(40, std::string(255, 'x')), {}, 0};
  CHECK(sanitize(Answer::with_records({huge}), RecordType::TXT).kind == AnswerKind::error);

  std::vector<Record> many(300, Record{RecordType::A, {}, "192.0.2.1", 0});
  CHECK(sanitize(Answer::with_records(many), RecordType::A).kind == AnswerKind::error);

  Record bad_a{RecordType::A, {}, "2001:db8::1", 0};
  CHECK(sanitize(Answer::with_records({bad_a}), RecordType::A).kind == AnswerKind::error);
}

TEST_CASE("zone: records, multi-string TXT, NXDOMAIN, no data, CNAME, TIMEOUT") {
  auto parsed = Zone::parse(R"({
    "example.com": [
      {"type":"TXT","data":["v=spf1 ","ip4:192.0.2.0/24 ","-all"]},
      {"type":"MX","preference":10,"exchange":"MX.example.com."},
      {"type":"A","data":"192.0.2.1"},
      {"type":"AAAA","data":"2001:DB8::1","ttl":300}
    ],
    "www.example.com": [{"type":"CNAME","data":"example.com"}],
    "slow.example.com": [{"type":"TIMEOUT"}, {"type":"A","data":"192.0.2.9"}],
    "loop1.example.com": [{"type":"CNAME","data":"loop2.example.com"}],
    "loop2.example.com": [{"type":"CNAME","data":"loop1.example.com"}]
  })");
  REQUIRE_MESSAGE(parsed.zone, parsed.error);
  const Zone& zone = *parsed.zone;
  auto txt = zone.lookup({"example.com", RecordType::TXT});
  REQUIRE(txt.kind == AnswerKind::records);
  CHECK(txt.records[0].joined_text() == "v=spf1 ip4:192.0.2.0/24 -all");
  auto mx = zone.lookup({"example.com", RecordType::MX});
  CHECK(mx.records.at(0).data == "mx.example.com");
  CHECK(mx.records.at(0).preference == 10);
  CHECK(zone.lookup({"example.com", RecordType::AAAA}).records.at(0).data == "2001:db8::1");
  CHECK(zone.lookup({"nope.example.com", RecordType::A}).kind == AnswerKind::nxdomain);
  CHECK(zone.lookup({"example.com", RecordType::PTR}).kind == AnswerKind::nodata);
  CHECK(zone.lookup({"www.example.com", RecordType::A}).records.at(0).data == "192.0.2.1");
  CHECK(zone.lookup({"www.example.com", RecordType::CNAME}).records.at(0).data == "example.com");
  CHECK(zone.lookup({"slow.example.com", RecordType::TXT}).kind == AnswerKind::timeout);
  CHECK(zone.lookup({"slow.example.com", RecordType::A}).kind == AnswerKind::records);
  CHECK(zone.lookup({"loop1.example.com", RecordType::A}).kind == AnswerKind::error);
}

TEST_CASE("zone: malformed files name the place of the error") {
  auto syntax = Zone::parse("{\"a.com\": [ {\"type\": \"TXT\", } ]}");
  CHECK_FALSE(syntax.zone);
  CHECK(syntax.error.find("byte") != std::string::npos);

  auto top = Zone::parse("[]");
  CHECK(top.error.find("top level") != std::string::npos);

  auto bad_type = Zone::parse(R"({"a.com": [{"type":"TXT","data":"x"}, {"type":"NAPTR","data":"x"}]})");
  CHECK(bad_type.error.find("\"a.com\"[1]") != std::string::npos);
  CHECK(bad_type.error.find("NAPTR") != std::string::npos);

  auto bad_ip = Zone::parse(R"({"a.com": [{"type":"A","data":"1.2.3.999"}]})");
  CHECK(bad_ip.error.find("\"a.com\"[0]") != std::string::npos);

  auto bad_mx = Zone::parse(R"({"a.com": [{"type":"MX","preference":-1,"exchange":"x.a.com"}]})");
  CHECK(bad_mx.error.find("preference") != std::string::npos);

  auto not_array = Zone::parse(R"({"a.com": {"type":"A"}})");
  CHECK(not_array.error.find("array") != std::string::npos);

  auto bad_name = Zone::parse(R"({"a..com": []})");
  CHECK(bad_name.error.find("not a valid domain name") != std::string::npos);
}

TEST_CASE("zone: what-if overrides replace one type at one name") {
  auto parsed = Zone::parse(R"({"example.com":[{"type":"TXT","data":"v=spf1 -all"},{"type":"A","data":"192.0.2.1"}]})");
  REQUIRE(parsed.zone);
  Zone zone = *parsed.zone;
  zone.set_records("Example.com", RecordType::TXT, {Record{RecordType::TXT, {"v=spf1 +all"}, {}, 0}});
  auto txt = zone.lookup({"example.com", RecordType::TXT});
  REQUIRE(txt.records.size() == 1);
  CHECK(txt.records[0].joined_text() == "v=spf1 +all");
  CHECK(zone.lookup({"example.com", RecordType::A}).kind == AnswerKind::records);
  zone.set_records("new.example.com", RecordType::A, {Record{RecordType::A, {}, "192.0.2.2", 0}});
  CHECK(zone.lookup({"new.example.com", RecordType::A}).kind == AnswerKind::records);
}

TEST_CASE("answers fed back as JSON land in the cache, sanitized") {
  Cache cache;
  auto error = add_answers_from_json(R"([
    {"name":"Example.COM.","type":"TXT","kind":"records","records":[{"type":"TXT","data":["a","b"]}]},
    {"name":"x.example.com","type":1,"kind":"nxdomain"},
    {"name":"t.example.com","type":"A","kind":"timeout","error":"deadline"}
  ])", cache);
  CHECK(error.empty());
  const Answer* txt = cache.find("example.com", RecordType::TXT);
  REQUIRE(txt);
  CHECK(txt->records.at(0).joined_text() == "ab");
  CHECK(cache.find("x.example.com", RecordType::A)->kind == AnswerKind::nxdomain);
  CHECK(cache.find("t.example.com", RecordType::A)->error == "deadline");
  CHECK(cache.find("t.example.com", RecordType::TXT) == nullptr);

  CHECK(add_answers_from_json("{", cache) == "answers: not valid JSON");
  CHECK(add_answers_from_json(R"([{"name":"a.com","type":"TXT","kind":"maybe"}])", cache)
            .find("answers[0]") == 0);
  CHECK(add_answers_from_json(R"([{"name":"a.com","type":"A","kind":"records","records":[{"type":"A","data":"x"}]}])", cache)
            .find("answers[0].records[0]") == 0);
}

namespace {
struct CountingResolver : Resolver {
  int calls = 0;
  std::vector<Answer> resolve(const std::vector<Question>& qs) override {
    ++calls;
    std::vector<Answer> out;
    // Leaves the last question unanswered, like a host that lost one reply.
    for (std::size_t i = 0; i + 1 < qs.size(); ++i)
      out.push_back(Answer::with_records({Record{RecordType::A, {}, "192.0.2.1", 0}}));
    return out;
  }
};
struct NeedsTwo {
  std::vector<Question> pending;
  int answered = 0;
};
}  // namespace

TEST_CASE("drive answers pending questions until none are left; unanswered ones become errors") {
  CountingResolver resolver;
  Cache cache;
  auto evaluate = [](const Cache& c) {
    NeedsTwo r;
    for (const char* name : {"one.test", "skip.test"}) {
      const Answer* a = c.find(name, RecordType::A);
      if (!a)
        r.pending.push_back({name, RecordType::A});
      else
        ++r.answered;
    }
    return r;
  };
  auto result = drive(evaluate, resolver, cache);
  CHECK(result.pending.empty());
  CHECK(result.answered == 2);
  CHECK(resolver.calls == 1);
  CHECK(cache.find("one.test", RecordType::A)->kind == AnswerKind::records);
  CHECK(cache.find("skip.test", RecordType::A)->kind == AnswerKind::error);
}
