// CC-3: the scoring method's values as stored (integer hundredths, read back exactly) and as the API reads them
// (points with at most two decimals, every bad value named); the method's and the suggestions' workflows.
#include "features/callcentre/method_codec.h"

#include <gtest/gtest.h>

#include "features/callcentre/method_model.h"

namespace houqin {
namespace {

bool HasField(const Validation& validation, const std::string& field) {
    const auto error = validation.ToError();
    for (const auto& entry : error.fields) {
        if (entry.field == field) return true;
    }
    return false;
}

TEST(ScoringMethodCodecTest, CC3_StoredValuesReadBackExactly) {
    ScoringMethod method;
    method.discipline_weight = 1550;
    method.visits_weight = 4450;
    method.talk_weight = 2000;
    method.training_weight = 2000;
    method.visits_target = 380;
    method.talk_seconds_target = 64800;
    method.visits_cap_percent = 120;
    method.late_deduction = 25;
    method.penalty_deduction = 150;
    method.pro_rating = ProRating::kNone;
    const auto month = *AssessmentMonth::Parse("2026-11");
    const auto read = codec::ScoringMethodFromStoredText(codec::ScoringMethodStoredText(method), 3, month);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->version, 3);
    EXPECT_EQ(read->effective_from, month);
    EXPECT_EQ(read->discipline_weight, 1550);
    EXPECT_EQ(read->visits_weight, 4450);
    EXPECT_EQ(read->visits_target, 380);
    EXPECT_EQ(read->talk_seconds_target, 64800);
    EXPECT_EQ(read->visits_cap_percent, 120);
    EXPECT_EQ(read->talk_cap_percent, 100);
    EXPECT_EQ(read->late_deduction, 25);
    EXPECT_EQ(read->penalty_deduction, 150);
    EXPECT_EQ(read->training_full_score, 10000);
    EXPECT_EQ(read->pro_rating, ProRating::kNone);
    EXPECT_FALSE(codec::ScoringMethodFromStoredText("{}", 1, month).has_value());
    EXPECT_FALSE(codec::ScoringMethodFromStoredText("not json", 1, month).has_value());
}

TEST(ScoringMethodCodecTest, CC3_PointsAreReadWithAtMostTwoDecimals) {
    ScoringMethod method;
    Validation validation;
    codec::ReadScoringMethodValues(
        codec::Json::parse(R"({"weights": {"visits": "45.5", "talk_time": 14.5}, "penalty_deduction": 1.5,
                               "visits_target": 400, "pro_rating": "none"})"),
        validation, method);
    EXPECT_TRUE(validation.ok());
    EXPECT_EQ(method.visits_weight, 4550);
    EXPECT_EQ(method.talk_weight, 1450);
    EXPECT_EQ(method.discipline_weight, 2000) << "a weight left out keeps its default";
    EXPECT_EQ(method.penalty_deduction, 150);
    EXPECT_EQ(method.visits_target, 400);
    EXPECT_EQ(method.pro_rating, ProRating::kNone);
    const auto json = codec::ScoringMethodValuesJson(method);
    EXPECT_EQ(json["weights"]["visits"].get<double>(), 45.5);
    EXPECT_EQ(json["weights"]["discipline"].get<int>(), 20);
    EXPECT_EQ(json["penalty_deduction"].get<double>(), 1.5);
}

TEST(ScoringMethodCodecTest, CC3_BadValuesAreNamed) {
    ScoringMethod method;
    Validation validation;
    codec::ReadScoringMethodValues(
        codec::Json::parse(R"({"weights": {"visits": 40.125, "training": "twenty"}, "late_deduction": -1,
                               "visits_target": 1.5, "talk_cap_percent": "all", "pro_rating": "weekly"})"),
        validation, method);
    EXPECT_TRUE(HasField(validation, "weights"));
    EXPECT_TRUE(HasField(validation, "late_deduction"));
    EXPECT_TRUE(HasField(validation, "visits_target"));
    EXPECT_TRUE(HasField(validation, "talk_cap_percent"));
    EXPECT_TRUE(HasField(validation, "pro_rating"));
    EXPECT_EQ(method.visits_weight, 4000) << "a refused value is not taken";
}

TEST(ScoringMethodModelTest, CC3_TheVendorSubmitsAndTheOfficeApprovesOrReturns) {
    const auto& workflow = ScoringMethodWorkflow();
    EXPECT_EQ(workflow.Allowed("draft", Role::kVendor), (std::vector<std::string>{"submit"}));
    EXPECT_EQ(workflow.Allowed("returned", Role::kVendor), (std::vector<std::string>{"submit"}));
    EXPECT_TRUE(workflow.Allowed("submitted", Role::kVendor).empty());
    EXPECT_EQ(workflow.Allowed("submitted", Role::kOffice), (std::vector<std::string>{"approve", "return"}));
    EXPECT_TRUE(workflow.Allowed("approved", Role::kOffice).empty());
    EXPECT_TRUE(workflow.Allowed("approved", Role::kVendor).empty());
    for (const auto status :
         {MethodStatus::kDraft, MethodStatus::kSubmitted, MethodStatus::kReturned, MethodStatus::kApproved}) {
        EXPECT_EQ(ParseMethodStatus(MethodStatusCode(status)), status);
    }
}

TEST(ScoringMethodModelTest, CC4_OnlyTheVendorAnswersASuggestionAndOnlyOnce) {
    const auto& workflow = PenaltySuggestionWorkflow();
    EXPECT_EQ(workflow.Allowed("submitted", Role::kVendor), (std::vector<std::string>{"accept", "reject"}));
    EXPECT_TRUE(workflow.Allowed("submitted", Role::kOffice).empty());
    EXPECT_TRUE(workflow.Allowed("accepted", Role::kVendor).empty());
    EXPECT_TRUE(workflow.Allowed("rejected", Role::kVendor).empty());
    for (const auto status : {SuggestionStatus::kSubmitted, SuggestionStatus::kAccepted, SuggestionStatus::kRejected}) {
        EXPECT_EQ(ParseSuggestionStatus(SuggestionStatusCode(status)), status);
    }
}

}  // namespace
}  // namespace houqin
