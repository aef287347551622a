#pragma once
// For unit tests only: the cases of a rule's data file (rules/cases/*.json: facts in, decisions out; each folder's
// README.md describes its format), one parameterised GoogleTest per case, named after the case so a failure names it.
//
//   INSTANTIATE_TEST_SUITE_P(PolicyCases, PolicyCaseTest,
//                            testing::ValuesIn(LoadRuleCases("HOUQIN_POLICY_CASES", __FILE__, "policy_cases.json")),
//                            RuleCaseTestName);
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace houqin {

struct RuleCase {
    std::string name;       // as the file writes it
    std::string test_name;  // what GoogleTest shows: letters, digits and _, unique within the file
    nlohmann::json body;    // the whole case; {"load_error": why} when the file could not be read
};

// GoogleTest prints the case by its name rather than as bytes.
inline void PrintTo(const RuleCase& test_case, std::ostream* out) { *out << test_case.name; }

// The file the environment variable names when it is set (to run other cases), else cases/<file_name> beside the test
// (`test_file` is the test's __FILE__: rules/<rule>_test.cpp -> rules/cases/<file_name>).
inline std::filesystem::path RuleCasesPath(const char* variable, const char* test_file, const char* file_name) {
    if (const char* path = std::getenv(variable); path != nullptr && *path != '\0') return path;
    return std::filesystem::path(test_file).parent_path() / "cases" / file_name;
}

// A case's name as a GoogleTest name: each run of other characters becomes one _, and a name met before gets _2, _3.
inline std::string RuleCaseName(const std::string& name, std::set<std::string>& used) {
    std::string out;
    for (const char c : name) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (word) {
            out += c;
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (out.empty()) out = "case";
    std::string unique = out;
    for (int i = 2; !used.insert(unique).second; ++i) unique = out + "_" + std::to_string(i);
    return unique;
}

// The cases of the file RuleCasesPath names, or only those whose "rule" is one of `rules` when some are named. A file
// that cannot be read or holds no such case gives one case {"load_error": why}, which the test fails on: a broken
// file fails the run instead of silently running nothing.
inline std::vector<RuleCase> LoadRuleCases(const char* variable, const char* test_file, const char* file_name,
                                           const std::set<std::string>& rules = {}) {
    const auto path = RuleCasesPath(variable, test_file, file_name);
    std::vector<RuleCase> cases;
    std::set<std::string> used;
    try {
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot open " + path.string());
        const auto document = nlohmann::json::parse(in);
        for (const auto& item : document.at("cases")) {
            if (!rules.empty() && rules.count(item.at("rule").get<std::string>()) == 0) continue;
            const auto name = item.at("name").get<std::string>();
            cases.push_back({name, RuleCaseName(name, used), item});
        }
        if (cases.empty())
            throw std::runtime_error((rules.empty() ? "no case in " : "no case for these rules in ") + path.string());
    } catch (const std::exception& e) {
        cases.push_back(
            {std::string("load error: ") + e.what(), "LoadError", nlohmann::json{{"load_error", e.what()}}});
    }
    return cases;
}

// The test's name for INSTANTIATE_TEST_SUITE_P: the case's.
inline std::string RuleCaseTestName(const testing::TestParamInfo<RuleCase>& info) { return info.param.test_name; }

}  // namespace houqin
