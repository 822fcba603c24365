package dev.botfleet.engine.strategy;

/** Levels of the activity log, the human-readable story of the fleet. */
public enum ActivityLevel {
    INFO, SUCCESS, WARNING, ERROR
}
