package dev.brook.streaming.examples.windowing.util;

import dev.brook.api.java.tuple.Tuple4;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The built-in input of the TopSpeedWindowing example: cars that drive for a while, each reporting
 * {@code (carId, speed km/h, distance m, timestamp ms)} once per simulated second. Every car starts
 * at 50 km/h and each second speeds up or slows down by 5 km/h (within 0 to 100) at random, then
 * covers {@code speed / 3.6} metres. The random numbers come from a seeded generator, so the same
 * arguments always give the same events.
 */
public final class CarEvents {

    private CarEvents() {}

    /**
     * @param cars how many cars, with ids {@code 0..cars-1}
     * @param seconds how long they drive; one event per car per second, timestamps {@code 0, 1000,
     *     ...}
     * @param seed seeds the speed changes
     * @return the events, ordered by time, then by car
     */
    public static List<Tuple4<Integer, Integer, Double, Long>> generate(
            int cars, int seconds, long seed) {
        if (cars < 1 || seconds < 0) {
            throw new IllegalArgumentException(
                    "Cannot simulate "
                            + cars
                            + " cars for "
                            + seconds
                            + " seconds: give at least one car and a non-negative duration.");
        }
        Random random = new Random(seed);
        int[] speeds = new int[cars];
        double[] distances = new double[cars];
        Arrays.fill(speeds, 50);
        List<Tuple4<Integer, Integer, Double, Long>> events = new ArrayList<>(cars * seconds);
        for (int second = 0; second < seconds; second++) {
            for (int car = 0; car < cars; car++) {
                speeds[car] =
                        random.nextBoolean()
                                ? Math.min(100, speeds[car] + 5)
                                : Math.max(0, speeds[car] - 5);
                distances[car] += speeds[car] / 3.6d;
                events.add(Tuple4.of(car, speeds[car], distances[car], second * 1000L));
            }
        }
        return events;
    }
}
