// The per-thread memo behind split_word, word_class and label tests: an
// answer comes back only for the same owner and the same key.
#include <catch2/catch.hpp>

#include <string>

#include "base/recent_answers.h"

using namespace kfacts;

TEST_CASE("RecentAnswers gives back what was stored, for that owner and key only", "[base]") {
    RecentAnswers<int, 64, 8> recent;
    const std::uint64_t a = new_answer_owner();
    const std::uint64_t b = new_answer_owner();
    CHECK(a != b);
    CHECK(recent.find(a, "팀은") == nullptr);
    recent.store(a, "팀은", 7);
    REQUIRE(recent.find(a, "팀은") != nullptr);
    CHECK(*recent.find(a, "팀은") == 7);
    CHECK(recent.find(b, "팀은") == nullptr);  // another lexicon's answer
    CHECK(recent.find(a, "팀") == nullptr);    // a prefix is another key
    CHECK(recent.find(a, std::string_view("팀은\0", 7)) == nullptr);
    recent.store(a, "팀은", 9);
    CHECK(*recent.find(a, "팀은") == 9);
}

TEST_CASE("RecentAnswers compares owner and key even where they share a slot", "[base]") {
    RecentAnswers<int, 1, 8> one_slot;
    const std::uint64_t a = new_answer_owner();
    const std::uint64_t b = new_answer_owner();
    one_slot.store(a, "모델", 1);
    CHECK(one_slot.find(b, "모델") == nullptr);
    CHECK(one_slot.find(a, "모형") == nullptr);  // same length, other bytes
    REQUIRE(one_slot.find(a, "모델") != nullptr);
    one_slot.store(b, "팀", 2);  // replaces a's answer
    CHECK(one_slot.find(a, "모델") == nullptr);
    CHECK(*one_slot.find(b, "팀") == 2);
}

TEST_CASE("RecentAnswers never stores a key longer than its entries hold", "[base]") {
    RecentAnswers<int, 64, 8> recent;
    const std::uint64_t owner = new_answer_owner();
    recent.store(owner, "123456789", 1);
    CHECK(recent.find(owner, "123456789") == nullptr);
    recent.store(owner, "12345678", 2);
    REQUIRE(recent.find(owner, "12345678") != nullptr);
    CHECK(*recent.find(owner, "12345678") == 2);
}

TEST_CASE("RecentAnswers stays bounded: more keys than entries replace older ones", "[base]") {
    RecentAnswers<int, 16, 8> recent;
    const std::uint64_t owner = new_answer_owner();
    for (int i = 0; i < 1000; ++i) recent.store(owner, std::to_string(i), i);
    int found = 0;
    for (int i = 0; i < 1000; ++i) {
        if (const int* answer = recent.find(owner, std::to_string(i))) {
            CHECK(*answer == i);
            ++found;
        }
    }
    CHECK(found > 0);
    CHECK(found <= 16);
}

TEST_CASE("RecentAnswers::answer computes once per key, and every time for owner 0", "[base]") {
    RecentAnswers<int, 64, 8> recent;
    const std::uint64_t owner = new_answer_owner();
    int computed = 0;
    const auto compute = [&] { return ++computed; };
    CHECK(recent.answer(owner, "팀", compute) == 1);
    CHECK(recent.answer(owner, "팀", compute) == 1);  // the stored answer
    CHECK(computed == 1);
    CHECK(recent.answer(owner, "모델", compute) == 2);
    CHECK(recent.answer(0, "팀", compute) == 3);  // not memoised
    CHECK(recent.answer(0, "팀", compute) == 4);
    CHECK(recent.find(0, "팀") == nullptr);
}
