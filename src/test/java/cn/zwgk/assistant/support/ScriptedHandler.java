package cn.zwgk.assistant.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.Reply;

/**
 * A test {@link IntentHandler} of highest precedence, driven by the message text. A text starting
 * with {@code #it} is a script: {@code #it id=<x> [gate] [echo] | <payload>}.
 * <ul>
 * <li>{@code id=x}: counts the invocation under {@code x} (static, so several application contexts
 * add up) and answers {@code 答复 x 第 n 次}: a second invocation would show in the answer;</li>
 * <li>{@code gate}: blocks until the test calls {@link #open(String)} for {@code x} (60 s at most),
 * so a test decides exactly when the answer becomes ready instead of relying on sleeps;</li>
 * <li>{@code echo}: answers the payload instead;</li>
 * <li>{@code generated}: the answer counts as written by a language model ({@link Reply#generated()}).</li>
 * </ul>
 * Any other text goes to the next handler, as if this one were not installed. Register it with
 * {@code @Import(ScriptedHandler.class)}.
 */
public class ScriptedHandler implements IntentHandler, Ordered {

    public static final String PREFIX = "#it ";

    private static final Map<String, AtomicInteger> STARTED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FINISHED = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    private final ObjectProvider<IntentHandler> handlers;

    public ScriptedHandler(ObjectProvider<IntentHandler> handlers) {
        this.handlers = handlers;
    }

    /** A script: {@code id} counted, optionally gated, answered with the counted answer. */
    public static String script(String id, boolean gated) {
        return PREFIX + "id=" + id + (gated ? " gate" : "") + " | 测试";
    }

    /** A gated script whose answer counts as written by a language model. */
    public static String generatedScript(String id) {
        return PREFIX + "id=" + id + " gate generated | 测试";
    }

    /** A script that answers {@code payload} itself. */
    public static String echo(String id, String payload) {
        return PREFIX + "id=" + id + " echo | " + payload;
    }

    /** The answer the {@code n}-th invocation for {@code id} gives (without echo). */
    public static String answer(String id, int n) {
        return "答复 " + id + " 第 " + n + " 次";
    }

    public static int invocations(String id) {
        AtomicInteger n = STARTED.get(id);
        return n == null ? 0 : n.get();
    }

    public static int finished(String id) {
        AtomicInteger n = FINISHED.get(id);
        return n == null ? 0 : n.get();
    }

    public static void open(String id) {
        gate(id).countDown();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean supports(Intent intent) {
        return true;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        String text = message.text();
        if (text == null || !text.startsWith(PREFIX)) {
            return next(message, intent);
        }
        int bar = text.indexOf('|');
        String options = bar < 0 ? text.substring(PREFIX.length()) : text.substring(PREFIX.length(), bar);
        String payload = bar < 0 ? "" : text.substring(bar + 1).strip();
        String id = "";
        boolean gated = false;
        boolean echo = false;
        boolean generated = false;
        for (String option : options.trim().split("\\s+")) {
            if (option.startsWith("id=")) {
                id = option.substring(3);
            } else if (option.equals("gate")) {
                gated = true;
            } else if (option.equals("echo")) {
                echo = true;
            } else if (option.equals("generated")) {
                generated = true;
            }
        }
        int n = STARTED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (gated) {
            await(gate(id));
        }
        FINISHED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        String reply = echo ? payload : answer(id, n);
        return generated ? Reply.generated(reply) : Reply.of(reply);
    }

    private Reply next(InboundMessage message, Intent intent) {
        return handlers.orderedStream()
                .filter(h -> h != this && h.supports(intent))
                .findFirst()
                .map(h -> h.handle(message, intent))
                .orElseGet(Reply::none);
    }

    private static CountDownLatch gate(String id) {
        return GATES.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
