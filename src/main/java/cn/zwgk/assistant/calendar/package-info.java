/**
 * Working days: official holidays and make-up days as data; years without data flagged.
 */
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = {})
package cn.zwgk.assistant.calendar;

import org.springframework.modulith.ApplicationModule;
