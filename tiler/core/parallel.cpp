#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tiler {

unsigned parallel_workers(std::size_t n, unsigned jobs) {
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, n)));
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t, unsigned)>& work,
                  const std::function<void(unsigned)>& worker_exit) {
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::exception_ptr failure;
    auto run = [&](unsigned worker) {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                work(i, worker);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(mutex);
                if (!failure) failure = std::current_exception();
                next = n;
            }
        }
    };
    const unsigned workers = parallel_workers(n, jobs);
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back([&, w] {
            run(w);
            if (worker_exit) worker_exit(w);
        });
    run(0);
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

} // namespace tiler
