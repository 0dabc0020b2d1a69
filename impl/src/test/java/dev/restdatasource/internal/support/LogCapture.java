package dev.restdatasource.internal.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the records of one java.util.logging logger (where {@code System.Logger} writes) from {@link #start} to
 * {@link #close}, at the level given, restoring the logger's level afterwards.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.levelBefore = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        logger.addHandler(this);
    }

    /** Starts capturing {@code loggerName} with its level set to {@code level} (null: left as it is). */
    public static LogCapture start(String loggerName, Level level) {
        return new LogCapture(Logger.getLogger(loggerName), level);
    }

    /** Runs {@code work} and returns what {@code loggerName} logged meanwhile, at its current level. */
    public static List<LogRecord> during(String loggerName, Runnable work) {
        try (LogCapture capture = start(loggerName, null)) {
            work.run();
            return capture.records();
        }
    }

    /** The records so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages of the records at {@code level} so far. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(levelBefore);
    }
}
