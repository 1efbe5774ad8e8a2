// The work queue every stage shares: each item exactly once, the first failure rethrown, no item started
// after it, and the per-thread exit hook.
#include "core/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace tiler;

TEST(Parallel, WorkersAreCappedByItemsAndAtLeastOne) {
    EXPECT_EQ(parallel_workers(0, 4), 1u);
    EXPECT_EQ(parallel_workers(3, 8), 3u);
    EXPECT_EQ(parallel_workers(100, 2), 2u);
    EXPECT_EQ(parallel_workers(5, 0), 1u);
}

TEST(Parallel, EveryItemRunsOnceOnTheRequestedThreads) {
    for (unsigned jobs : {1u, 2u, 4u}) {
        std::vector<std::atomic<int>> runs(1000);
        std::mutex m;
        std::set<std::thread::id> threads;
        std::set<unsigned> workers;
        parallel_for(runs.size(), jobs, [&](std::size_t i, unsigned w) {
            ++runs[i];
            const std::lock_guard<std::mutex> lock(m);
            threads.insert(std::this_thread::get_id());
            workers.insert(w);
        });
        for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
        EXPECT_LE(threads.size(), jobs);
        EXPECT_LE(workers.size(), jobs);
        EXPECT_LT(*workers.rbegin(), jobs);
        EXPECT_EQ(threads.size(), workers.size());   // one worker index per thread
    }
    bool ran = false;
    parallel_for(0, 3, [&](std::size_t, unsigned) { ran = true; });
    EXPECT_FALSE(ran);
}

TEST(Parallel, SingleJobRunsInOrderOnTheCallersThread) {
    std::vector<std::size_t> order;
    const auto caller = std::this_thread::get_id();
    parallel_for(5, 1, [&](std::size_t i, unsigned w) {
        EXPECT_EQ(w, 0u);
        EXPECT_EQ(std::this_thread::get_id(), caller);
        order.push_back(i);
    });
    EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(Parallel, FirstFailureIsRethrownAndStopsTheQueue) {
    for (unsigned jobs : {1u, 3u}) {
        std::atomic<std::size_t> started{0};
        try {
            parallel_for(10000, jobs, [&](std::size_t i, unsigned) {
                ++started;
                if (i == 5) throw std::runtime_error("item 5 failed");
            });
            FAIL() << "no exception";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "item 5 failed");
        }
        // Items already taken by other threads may finish; the queue does not go on to the end.
        EXPECT_LT(started.load(), 10000u);
        if (jobs == 1) {
            EXPECT_EQ(started.load(), 6u);
        }
    }
}

TEST(Parallel, ExitHookRunsOncePerStartedThreadButNotTheCaller) {
    std::mutex m;
    std::multiset<unsigned> exited;
    parallel_for(
        64, 3, [](std::size_t, unsigned) {},
        [&](unsigned w) {
            const std::lock_guard<std::mutex> lock(m);
            exited.insert(w);
        });
    EXPECT_EQ(exited, (std::multiset<unsigned>{1, 2}));   // even a thread that found no item left
}
