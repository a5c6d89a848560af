#include <doctest/doctest.h>

#include "maildiag/explain.hpp"
#include "maildiag/status_code.hpp"

using namespace maildiag;

namespace {
std::vector<std::string> codes_in(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& c : scan_status_codes(text))
    out.push_back(c.kind == CodeInText::Kind::reply_code ? std::to_string(c.reply_code)
                                                         : c.status.to_string());
  return out;
}
}  // namespace

TEST_CASE("RFC 3463 §2: an enhanced status code is class.subject.detail") {
  auto st = parse_enhanced_status("4.4.312");
  REQUIRE(st);
  CHECK(st->klass == StatusClass::transient);
  CHECK(st->subject == 4);
  CHECK(st->detail == 312);
  CHECK(st->to_string() == "4.4.312");

  CHECK_FALSE(parse_enhanced_status("3.1.1"));   // class must be 2, 4 or 5
  CHECK_FALSE(parse_enhanced_status("5.1"));
  CHECK_FALSE(parse_enhanced_status("5.1.1000"));  // at most three digits
  CHECK_FALSE(parse_enhanced_status("5.1.1 "));
  CHECK_FALSE(parse_enhanced_status(""));
}

TEST_CASE("RFC 5321 §4.2: reply codes have a first digit 2-5 and a second digit 0-5") {
  CHECK(parse_reply_code("550") == 550);
  CHECK(parse_reply_code("421") == 421);
  CHECK_FALSE(parse_reply_code("560"));
  CHECK_FALSE(parse_reply_code("150"));
  CHECK_FALSE(parse_reply_code("5500"));
  CHECK(reply_code_class(450) == StatusClass::transient);
  CHECK(reply_code_class(554) == StatusClass::permanent);
  CHECK(reply_code_class(250) == StatusClass::success);
}

TEST_CASE("RFC 3463 §3: class and subject meanings") {
  CHECK(class_meaning(StatusClass::transient) == "Persistent transient failure");
  CHECK(class_meaning(StatusClass::permanent) == "Permanent failure");
  CHECK(subject_meaning(4) == "Network and routing status");
  CHECK(subject_meaning(1) == "Addressing status");
  CHECK(subject_meaning(7) == "Security or policy status");
  CHECK(subject_meaning(9) == "Unknown subject");
}

TEST_CASE("codes are found in the shapes bounces use") {
  CHECK(codes_in("550 5.1.1") == std::vector<std::string>{"550", "5.1.1"});
  CHECK(codes_in("550-5.7.1 Unauthenticated email") == std::vector<std::string>{"550", "5.7.1"});
  CHECK(codes_in("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##") ==
        std::vector<std::string>{"550", "5.1.1"});
  CHECK(codes_in("Remote Server returned '550 5.7.367 Remote server returned not permitted'") ==
        std::vector<std::string>{"550", "5.7.367"});
  CHECK(codes_in("Status: 4.4.312 (DNS query failed).") == std::vector<std::string>{"4.4.312"});
  CHECK(codes_in("(5.2.2)") == std::vector<std::string>{"5.2.2"});
}

TEST_CASE("numbers that only look like codes are not codes") {
  CHECK(codes_in("from [203.0.113.9] port 25").empty());
  CHECK(codes_in("Postfix v5.1.1 and 10.5.1.1").empty());
  CHECK(codes_in("sent 2500 bytes at 12:34:56, 4.5.2024").empty());
  CHECK(codes_in("5.1.1.3").empty());
  CHECK(codes_in("id 5501 and 5.1").empty());
  CHECK(codes_in("").empty());
}

TEST_CASE("spans point at the code in the input") {
  std::string_view text = "Reply: 450 4.4.312 DNS query failed";
  auto codes = scan_status_codes(text);
  REQUIRE(codes.size() == 2);
  CHECK(text.substr(codes[0].span.begin, codes[0].span.size()) == "450");
  CHECK(text.substr(codes[1].span.begin, codes[1].span.size()) == "4.4.312");
}

TEST_CASE("explain: the enhanced code decides the class, the reply code goes with it") {
  Explanation e = explain("450 4.4.312 DNS query failed");
  REQUIRE(e.found());
  CHECK(e.reply_code == 450);
  CHECK(e.status->to_string() == "4.4.312");
  CHECK(e.klass == StatusClass::transient);
  CHECK_FALSE(e.permanent());

  e = explain("5.7.367");
  CHECK_FALSE(e.reply_code);
  CHECK(e.permanent());

  e = explain("421 Service not available");
  CHECK(e.reply_code == 421);
  CHECK_FALSE(e.status);
  CHECK(e.klass == StatusClass::transient);

  e = explain("hello world");
  CHECK_FALSE(e.found());
}

TEST_CASE("the scan is linear and safe on hostile input") {
  std::string digits(1 << 20, '5');
  CHECK(scan_status_codes(digits).empty());
  std::string dots;
  for (int i = 0; i < 100000; ++i) dots += "5.5.";
  CHECK(scan_status_codes(dots).empty());
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "550 5.1.1 ";
  CHECK(scan_status_codes(many).size() == 20000);
}
