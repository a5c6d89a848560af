#include <doctest/doctest.h>

#include <set>
#include <string>

#include "maildiag/kb/entry.hpp"

using namespace maildiag::kb;

TEST_CASE("every entry is complete and its id unique") {
  std::set<std::string_view> ids;
  REQUIRE(entries().size() > 200);
  for (const Entry& e : entries()) {
    CAPTURE(e.id);
    CHECK(ids.insert(e.id).second);
    CHECK_FALSE(e.title.empty());
    CHECK_FALSE(e.meaning.empty());
    CHECK_FALSE(e.retry.empty());
    CHECK_FALSE(e.causes.empty());
    CHECK_FALSE(e.fixes.empty());
    CHECK_FALSE(e.references.empty());
    CHECK(e.who_acts != 0);
    CHECK((e.codes.size() + e.tokens.size() + e.patterns.size() + (e.subjects ? 1u : 0u)) > 0);
    for (std::string_view r : e.references) CHECK(r.substr(0, 8) == "https://");
    REQUIRE(find_provider(e.provider));
    CHECK(find_provider(e.provider)->id == e.provider);
    CHECK(find_entry(e.id) == &e);
  }
}

TEST_CASE("category and party names round-trip") {
  for (std::size_t i = 0; i < category_count; ++i) {
    const auto c = static_cast<Category>(i);
    REQUIRE(parse_category(to_string(c)));
    CHECK(*parse_category(to_string(c)) == c);
  }
  CHECK_FALSE(parse_category("mailbox"));
  CHECK(to_string(Party::sender_admin) == "sender-admin");
  CHECK(to_string(Party::recipient_admin) == "recipient-admin");
}

TEST_CASE("providers are found by id or alias, case-insensitively") {
  REQUIRE(find_provider("microsoft"));
  CHECK(find_provider("Office365")->id == "microsoft");
  CHECK(find_provider("GMAIL")->id == "google");
  CHECK(find_provider("hotmail")->id == "outlook-com");
  CHECK(find_provider("aol")->id == "yahoo");
  CHECK_FALSE(find_provider("nope"));
  CHECK_FALSE(find_provider(""));
  CHECK(providers()[0].id == "generic");
  const ProviderInfo* outlook = find_provider("outlook-com");
  REQUIRE(outlook->parent >= 0);
  CHECK(providers()[static_cast<std::size_t>(outlook->parent)].id == "microsoft");
}
