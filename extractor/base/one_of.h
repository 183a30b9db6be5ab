// Whether a word is one of a few written out in place: the short lists that
// every stage tests against (particles, symbols, endings).
#pragma once

#include <initializer_list>
#include <string_view>

namespace kfacts {

inline bool is_one_of(std::string_view s, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list) {
        if (x == s) return true;
    }
    return false;
}

// Whether a word ends with one of a few endings (학부, 학과, 연구실).
inline bool ends_with_one_of(std::string_view s, std::initializer_list<std::string_view> endings) {
    for (std::string_view x : endings) {
        if (s.ends_with(x)) return true;
    }
    return false;
}

}  // namespace kfacts
