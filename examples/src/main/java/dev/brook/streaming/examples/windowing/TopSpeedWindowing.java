package dev.brook.streaming.examples.windowing;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple4;
import dev.brook.connector.file.src.FileSource;
import dev.brook.connector.file.src.reader.TextLineInputFormat;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.windowing.assigners.GlobalWindows;
import dev.brook.streaming.api.windowing.evictors.TimeEvictor;
import dev.brook.streaming.api.windowing.triggers.DeltaTrigger;
import dev.brook.streaming.examples.util.ResultSink;
import dev.brook.streaming.examples.windowing.util.CarEvents;
import dev.brook.util.MultipleParameterTool;
import java.time.Duration;
import java.util.Collection;

/**
 * The top speed of each car over the last 10 seconds, reported every time it has driven more than
 * 50 metres, as Flink's TopSpeedWindowing example: one global window per car, a {@link
 * DeltaTrigger} on the distance, a {@link TimeEvictor} keeping 10 seconds of events, and {@code
 * maxBy(1)} (the whole event with the highest speed, the earliest of equals).
 *
 * <pre>
 * bin/flink run examples/streaming/TopSpeedWindowing.jar [--input FILE_OR_DIR]... [--output DIR]
 *     [--cars N] [--seconds N] [--seed N]
 * </pre>
 *
 * <p>Events are {@code (carId, speed km/h, distance m, timestamp ms)}. {@code --input} reads them
 * from lines {@code carId,speed,distance,timestamp}, each car's in time order. Without it they come
 * from {@link CarEvents}: {@code --cars} cars (default 2) driving for {@code --seconds} simulated
 * seconds (default 100) with speed changes seeded by {@code --seed} (default 42), so a run is
 * bounded and repeatable. Without {@code --output} the reports are printed.
 */
public class TopSpeedWindowing {

    static final TypeInformation<Tuple4<Integer, Integer, Double, Long>> CAR_EVENT =
            Types.TUPLE(Types.INT, Types.INT, Types.DOUBLE, Types.LONG);

    public static void main(String[] args) throws Exception {
        MultipleParameterTool params = MultipleParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);

        DataStream<Tuple4<Integer, Integer, Double, Long>> carData;
        Collection<String> inputs = params.getMultiParameter("input");
        if (inputs != null) {
            Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
            carData =
                    env.fromSource(
                                    FileSource.forRecordStreamFormat(
                                                    new TextLineInputFormat(), paths)
                                            .build(),
                                    WatermarkStrategy.noWatermarks(),
                                    "file-input")
                            .map(new ParseCarEvent())
                            .name("parse-input");
        } else {
            System.out.println("Executing TopSpeedWindowing example with generated car data.");
            System.out.println("Use --input to specify file input.");
            carData =
                    env.fromData(
                                    CarEvents.generate(
                                            params.getInt("cars", 2),
                                            params.getInt("seconds", 100),
                                            params.getLong("seed", 42)),
                                    CAR_EVENT)
                            .name("generated-input");
        }

        int evictionSec = 10;
        double triggerMeters = 50;
        DataStream<Tuple4<Integer, Integer, Double, Long>> topSpeeds =
                carData.assignTimestampsAndWatermarks(
                                WatermarkStrategy
                                        .<Tuple4<Integer, Integer, Double, Long>>
                                                forMonotonousTimestamps()
                                        .withTimestampAssigner((car, timestamp) -> car.f3))
                        .keyBy(value -> value.f0)
                        .window(GlobalWindows.create())
                        .evictor(TimeEvictor.of(Duration.ofSeconds(evictionSec)))
                        .trigger(
                                DeltaTrigger.of(
                                        triggerMeters,
                                        (oldDataPoint, newDataPoint) ->
                                                newDataPoint.f2 - oldDataPoint.f2,
                                        carData.getType().createSerializer()))
                        .maxBy(1)
                        .name("top-speed");

        ResultSink.writeOrPrint(topSpeeds, params);
        env.execute("CarTopSpeedWindowingExample");
    }

    /** Reads {@code carId,speed,distance,timestamp}. */
    static final class ParseCarEvent
            implements MapFunction<String, Tuple4<Integer, Integer, Double, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple4<Integer, Integer, Double, Long> map(String line) {
            String[] fields = line.split(",");
            try {
                if (fields.length == 4) {
                    return Tuple4.of(
                            Integer.valueOf(fields[0].trim()),
                            Integer.valueOf(fields[1].trim()),
                            Double.valueOf(fields[2].trim()),
                            Long.valueOf(fields[3].trim()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(describe(line), e);
            }
            throw new IllegalArgumentException(describe(line));
        }

        private static String describe(String line) {
            return "Cannot read the car event '"
                    + line
                    + "': expected carId,speed,distance,timestamp such as 0,55,15.3,1000";
        }
    }
}
