package org.isosamp.archive;

import java.util.function.Consumer;

/**
 * Hears an asynchronous (UWS) query's job: where it was created, then each phase it enters (QUEUED, EXECUTING,
 * COMPLETED, ...), once per change. Pass one wherever a query takes a {@code Consumer<String> phases}; a plain
 * consumer hears the phases only. Called on the querying thread; a face decides what to show.
 */
public interface JobListener extends Consumer<String> {

    /**
     * The job exists: called once, before its first phase.
     *
     * @param jobUrl the job's URL (its phase, results and error are below it)
     */
    void created(String jobUrl);

    /**
     * The job entered a new phase.
     *
     * @param phase the UWS phase, upper case
     */
    @Override
    void accept(String phase);
}
