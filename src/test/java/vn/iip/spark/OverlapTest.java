package vn.iip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OverlapTest {

    @Test
    void returnsBothResultsInTheOrderOfTheSteps() {
        Overlap.Both<String, Integer> both = Overlap.run(() -> "first", () -> 2);
        assertEquals("first", both.firstResult());
        assertEquals(2, both.secondResult());
    }

    @Test
    void theStepsRunAtTheSameTimeOnTwoThreads() {
        CountDownLatch secondStarted = new CountDownLatch(1);
        Overlap.Both<Boolean, String> both = Overlap.run(() -> {
            try {
                // Only true if the second step runs while the first is still running.
                return secondStarted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            secondStarted.countDown();
            return Thread.currentThread().getName();
        });
        assertTrue(both.firstResult());
        assertEquals("iip-overlap", both.secondResult());
        assertNotEquals("iip-overlap", Thread.currentThread().getName());
    }

    @Test
    void aFailedFirstStepIsThrownOnlyAfterTheSecondHasFinished() {
        AtomicBoolean secondFinished = new AtomicBoolean();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Overlap.run(() -> {
            throw new IllegalStateException("first failed");
        }, () -> {
            sleep(300);
            secondFinished.set(true);
            return null;
        }));
        assertEquals("first failed", thrown.getMessage());
        assertTrue(secondFinished.get(), "the second step was still running when the failure was thrown");
    }

    @Test
    void aFailedSecondStepIsThrownAfterTheFirstHasFinished() {
        AtomicBoolean firstFinished = new AtomicBoolean();
        IllegalArgumentException failure = new IllegalArgumentException("second failed");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Overlap.run(() -> {
            sleep(200);
            firstFinished.set(true);
        }, () -> {
            throw failure;
        }));
        assertSame(failure, thrown);
        assertTrue(firstFinished.get());
    }

    @Test
    void whenBothFailTheFirstIsThrownWithTheSecondSuppressed() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Overlap.run(() -> {
            throw new IllegalStateException("first failed");
        }, () -> {
            throw new IllegalArgumentException("second failed");
        }));
        assertEquals("first failed", thrown.getMessage());
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals("second failed", thrown.getSuppressed()[0].getMessage());
    }

    @Test
    void anErrorOfTheSecondStepIsThrownAsItIs() {
        AssertionError error = new AssertionError("second broke");
        assertSame(error, assertThrows(AssertionError.class, () -> Overlap.run(() -> 1, () -> {
            throw error;
        })));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
