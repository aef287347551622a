#pragma once
// The SQL of training sessions (STF-8) and qualification tests (STF-3).
#include <optional>
#include <string>
#include <vector>

#include "features/staff/training_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

// A contract's sessions, newest first, each with its trainees' names.
std::vector<TrainingSession> TrainingSessionsOfContract(Connection& connection, std::int64_t contract_id);
// Inserts the session and its trainees; returns the session's id.
std::int64_t InsertTrainingSession(Connection& connection, const TrainingSession& session,
                                   std::optional<std::int64_t> created_by);

// A contract's qualification tests, newest first (by date, then by when they were recorded).
std::vector<QualificationTest> QualificationTestsOfContract(Connection& connection, std::int64_t contract_id);
std::int64_t InsertQualificationTest(Connection& connection, const QualificationTest& test,
                                     std::optional<std::int64_t> created_by);

// For the audit trail.
std::string TrainingSessionSnapshot(const TrainingSession& session);
std::string QualificationTestSnapshot(const QualificationTest& test);

}  // namespace houqin::storage
