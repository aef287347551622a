#pragma once
// Prometheus text metrics: requests by method and status, and a latency histogram.
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace houqin::http {

class Metrics {
  public:
    static Metrics& Instance();
    void Record(const std::string& method, int status, double seconds);
    void SetPoolSize(std::size_t size) { pool_size_ = size; }
    void QueueDepth(long delta) { queue_depth_ += delta; }
    [[nodiscard]] std::string Render() const;

  private:
    static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, long> requests_;
    std::array<long, kBuckets.size()> bucket_counts_{};
    long count_ = 0;
    double sum_ = 0;
    std::atomic<std::size_t> pool_size_{0};
    std::atomic<long> queue_depth_{0};
};

}  // namespace houqin::http
