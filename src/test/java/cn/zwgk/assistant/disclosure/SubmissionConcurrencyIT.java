package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zwgk.assistant.support.IntegrationTest;

/**
 * The soak's stall (issue 7/7): submissions must not hold the tracking-number counter for their
 * whole transaction, or every conversation worker queues behind the slowest one.
 */
@IntegrationTest
class SubmissionConcurrencyIT {

    private static final int THREADS = 50;

    @Autowired
    DisclosureService service;
    @Autowired
    TrackingNumbers numbers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentSubmissionsGetDistinctNumbersAndABusyOneStoresNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        String openid = "oBurst" + UUID.randomUUID().toString().substring(0, 8);
        List<Future<Long>> calls = new ArrayList<>();
        Set<String> trackingNos = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                calls.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    String draft = UUID.randomUUID().toString();
                    while (true) {
                        try {
                            trackingNos.add(service.submitOnline(draft, "wxApp", openid, application(n)).trackingNo());
                            return (System.nanoTime() - t0) / 1_000_000;
                        } catch (SubmissionsBusyException e) {
                            busy.incrementAndGet(); // the citizen is told to confirm again; so does this thread
                            Thread.sleep(20); // the citizen's pause before confirming again: simulated latency, not a wait
                        }
                    }
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            long slowest = 0;
            for (Future<Long> call : calls) {
                slowest = Math.max(slowest, call.get(60, TimeUnit.SECONDS)); // an exception or timeout fails the test
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("%d concurrent submissions: %d ms in all, slowest %d ms, %d answered busy first%n",
                    THREADS, wall, slowest, busy.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(trackingNos).hasSize(THREADS).allMatch(no -> no.matches("YSQ-\\d{4}-\\d{6}"));
        List<String> rows = jdbc.sql("select tracking_no from disclosure_case where openid = ?")
                .param(openid).query(String.class).list();
        assertThat(rows).as("one case per draft, busy attempts stored nothing").hasSize(THREADS);
        assertThat(new HashSet<>(rows)).isEqualTo(trackingNos);
    }

    @Test
    void anOpenSubmissionTransactionDoesNotBlockAnother() throws Exception {
        int year = service.today().getYear();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            String taken = transaction.execute(s -> {
                // a submission whose transaction is still open (storing the case, scheduling reminders …)
                String mine = service.submitOnline(UUID.randomUUID().toString(), "wxApp", "oOpen", application(0)).trackingNo();
                try {
                    String next = other.submit(() -> numbers.next(year)).get(5, TimeUnit.SECONDS);
                    assertThat(next).isNotEqualTo(mine);
                    // nor the whole of another submission (its reminders included)
                    String another = other.submit(() -> service.submitOnline(UUID.randomUUID().toString(), "wxApp",
                            "oOpen2", application(3)).trackingNo()).get(5, TimeUnit.SECONDS);
                    assertThat(another).isNotIn(mine, next);
                } catch (Exception e) {
                    throw new AssertionError("another submission waited for the open one", e);
                }
                return mine;
            });
            assertThat(service.find(taken)).isPresent();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aRolledBackSubmissionLeavesAGapNotADuplicate() {
        int year = service.today().getYear();
        String before = numbers.next(year);
        transaction.executeWithoutResult(s -> {
            service.submitOnline(UUID.randomUUID().toString(), "wxApp", "oGap", application(1));
            s.setRollbackOnly();
        });
        String after = numbers.next(year);
        long gap = Long.parseLong(after.substring(after.lastIndexOf('-') + 1))
                - Long.parseLong(before.substring(before.lastIndexOf('-') + 1));
        assertThat(gap).as("the rolled-back submission's number is not reused").isGreaterThanOrEqualTo(2);
        assertThat(service.forApplicant("wxApp", "oGap", 10)).isEmpty();
    }

    private static DisclosureRequest application(int n) {
        return new DisclosureRequest(ApplicantType.CITIZEN, "并发" + n, null, null, "11010519491231002X", null,
                "13800138000", null, null, "2025年本区道路维修工程第" + n + "标段的招标文件", null, InfoForm.ELECTRONIC,
                DeliveryWay.ONLINE);
    }
}
