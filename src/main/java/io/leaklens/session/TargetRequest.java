package io.leaklens.session;

import io.leaklens.model.SessionState;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A request to the target that its caller waits for, run on a thread of its own and waited for while the session
 * lasts: if the target goes away or stops answering meanwhile, the session's one sentence says why at once, rather
 * than a JMX timeout a minute later.
 */
final class TargetRequest {

    private static final long POLL_MILLIS = 50;

    private TargetRequest() {
    }

    /** Why a session that ended no longer answers, in one sentence. */
    static String ended(SessionState state) {
        String reason = state.disconnectReason();
        return reason == null || LiveSession.DETACHED.equals(reason)
                ? "JVM " + state.target().pid() + " is no longer connected" : reason;
    }

    static <T> T await(Callable<T> request, Supplier<SessionState> session)
            throws IOException, SessionException, InterruptedException {
        long pid = session.get().target().pid();
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("leaklens-request-" + pid).start(() -> {
            try {
                answer.complete(request.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        while (true) {
            try {
                return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                SessionState now = session.get();
                if (!now.connected()) {
                    throw new SessionException(ended(now), null);
                }
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case IOException cause -> throw cause;
                    case RuntimeException cause -> throw cause;
                    case Error cause -> throw cause;
                    default -> throw new IOException(e.getCause());
                }
            }
        }
    }
}
