package org.isosamp.archive;

import java.util.function.Consumer;

/**
 * Hears an asynchronous (UWS) query's job: where it was created, then each phase it enters (QUEUED, EXECUTING,
 * COMPLETED, ...), once per change. Give one to {@link QueryRequest.Builder#jobListener}; a lambda
 * ({@code phases::add}) hears the phases only. Called on the querying thread; a face decides what to show.
 */
@FunctionalInterface
public interface JobListener extends Consumer<String> {

    /**
     * The job exists: called once, before its first phase.
     *
     * @param jobUrl the job's URL (its phase, results and error are below it)
     */
    default void created(String jobUrl) {
        // a listener of phases alone has nothing to do here
    }

    /**
     * The job entered a new phase.
     *
     * @param phase the UWS phase, upper case
     */
    @Override
    void accept(String phase);
}
