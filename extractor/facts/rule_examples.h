// Runs the examples written beside every rule and gazetteer (Duckling's way:
// the rules and their corpus live together, and every example is run).
#pragma once

#include <string>
#include <vector>

#include "facts/extractor.h"

namespace kfacts {

struct ExampleResult {
    std::string where;  // file:line of the example
    std::string rule;   // rule id, or the data file's name
    std::string text;
    bool passed = false;
    std::string problem;  // why it failed, in words
};

std::vector<ExampleResult> run_rule_examples(const Extractor& extractor);

}  // namespace kfacts
