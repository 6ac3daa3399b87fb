package dev.gatehouse.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An {@link Executor} that runs each task at once, or, once {@link #hold} was called, keeps it until {@link #runHeld}. */
public final class HeldTasks implements Executor {

    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    @Override
    public void execute(Runnable task) {
        if (holding) {
            held.add(task);
        } else {
            task.run();
        }
    }

    public void hold() {
        holding = true;
    }

    /** Runs the tasks held so far, in order, and runs later ones at once again. */
    public void runHeld() {
        holding = false;
        List<Runnable> tasks = List.copyOf(held);
        held.clear();
        tasks.forEach(Runnable::run);
    }
}
