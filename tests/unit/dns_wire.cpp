// DNS messages on the wire (RFC 1035 §4.1): queries written, answers read, hostile answers refused.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/dns/wire.hpp"

using namespace maildiag::dns;

namespace {

std::string bytes(std::initializer_list<int> list) {
  std::string out;
  for (int b : list) out += static_cast<char>(b);
  return out;
}

// Header with the given flags and counts, then the question example.com <type> IN.
std::string response(int flags_lo, int ancount, int type) {
  return bytes({0, 0, 0x81, flags_lo, 0, 1, 0, ancount, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o',
                'm', 0, 0, type, 0, 1});
}

}  // namespace

TEST_CASE("RFC 1035 §4.1: a query is a header, labels and type/class") {
  std::string q = build_query({"example.com", RecordType::TXT}, 0x1234);
  CHECK(q == bytes({0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,
                    0, 16, 0, 1}));
  CHECK(build_query({"x.test", RecordType::SPF}, 0).substr(20) == bytes({0, 99, 0, 1}));
}

TEST_CASE("RFC 1035 §4.1.3: TXT strings, compressed names, other types skipped") {
  // Answer 1: a CNAME (skipped), answer 2: TXT with two strings, owner by pointer to offset 12.
  std::string m = response(0x80, 2, 16) +
                  bytes({0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 2, 0xc0, 12}) +
                  bytes({0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, 9, 3, 'a', 'b', 'c', 4, ' ', '-', 'x', 'y'});
  Answer a = parse_response(m, RecordType::TXT);
  REQUIRE(a.kind == AnswerKind::records);
  REQUIRE(a.records.size() == 1);
  CHECK(a.records[0].strings == std::vector<std::string>{"abc", " -xy"});

  std::string mx = response(0x80, 1, 15) + bytes({0xc0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, 7, 0, 10, 2, 'm', 'x', 0xc0, 12});
  Answer b = parse_response(mx, RecordType::MX);
  REQUIRE(b.records.size() == 1);
  CHECK(b.records[0].preference == 10);
  CHECK(b.records[0].data == "mx.example.com");

  std::string aaaa = response(0x80, 1, 28) + bytes({0xc0, 12, 0, 28, 0, 1, 0, 0, 0, 60, 0, 16, 0x20, 0x01, 0x0d, 0xb8, 0,
                                                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
  CHECK(parse_response(aaaa, RecordType::AAAA).records.at(0).data == "2001:db8::1");
}

TEST_CASE("RFC 1035 §4.1.1: RCODEs, TC and empty answers") {
  CHECK(parse_response(response(0x83, 0, 1), RecordType::A).kind == AnswerKind::nxdomain);
  CHECK(parse_response(response(0x82, 0, 1), RecordType::A).kind == AnswerKind::error);
  CHECK(parse_response(response(0x85, 0, 1), RecordType::A).error == "REFUSED");
  CHECK(parse_response(response(0x80, 0, 1), RecordType::A).kind == AnswerKind::nodata);
  std::string tc = response(0x80, 0, 1);
  tc[2] = static_cast<char>(0x83);
  CHECK(parse_response(tc, RecordType::A).error == "truncated DNS answer");
}

TEST_CASE("hostile answers: pointer loops, lengths past the end, bad rdata") {
  std::string loop = response(0x80, 1, 1) + bytes({0xc0, 29, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 1, 2, 3, 4});
  loop[29] = static_cast<char>(0xc0);
  loop[30] = 29;
  CHECK(parse_response(loop, RecordType::A).kind == AnswerKind::error);
  std::string past = response(0x80, 1, 1) + bytes({0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0xff, 0xff, 1, 2});
  CHECK(parse_response(past, RecordType::A).kind == AnswerKind::error);
  std::string bad_a = response(0x80, 1, 1) + bytes({0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 3, 1, 2, 3});
  CHECK(parse_response(bad_a, RecordType::A).kind == AnswerKind::error);
  std::string txt_over = response(0x80, 1, 16) + bytes({0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, 2, 5, 'a'});
  CHECK(parse_response(txt_over, RecordType::TXT).kind == AnswerKind::error);
  CHECK(parse_response(bytes({1, 2, 3}), RecordType::A).kind == AnswerKind::error);
  CHECK(parse_response("", RecordType::A).kind == AnswerKind::error);
}
