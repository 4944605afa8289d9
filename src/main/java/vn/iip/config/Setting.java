package vn.iip.config;

/**
 * One documented key of a job configuration file: its default, what it means, and the Spark setting it becomes
 * (null when the job itself reads it).
 */
public record Setting(String key, String defaultValue, String description, String sparkConf) {}
