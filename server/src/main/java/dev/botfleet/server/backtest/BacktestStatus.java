package dev.botfleet.server.backtest;

public enum BacktestStatus { QUEUED, RUNNING, DONE, FAILED }
