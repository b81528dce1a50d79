"""WordCount on Brook, the classic PyFlink example: counts the words of a text file (--input) or of
built-in lines, printing each running count or writing them to files under --output."""

import argparse
import logging
import sys

from pyflink.common import Encoder, Types, WatermarkStrategy
from pyflink.datastream import RuntimeExecutionMode, StreamExecutionEnvironment
from pyflink.datastream.connectors.file_system import FileSink, FileSource, StreamFormat

WORDS = [
    "To be, or not to be,--that is the question:--",
    "Whether 'tis nobler in the mind to suffer",
    "The slings and arrows of outrageous fortune",
    "Or to take arms against a sea of troubles,",
    "And by opposing end them?--To die,--to sleep,--",
    "No more; and by a sleep to say we end",
]


def split(line):
    yield from line.split()


def word_count(input_path, output_path):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_runtime_mode(RuntimeExecutionMode.BATCH)
    env.set_parallelism(1)

    if input_path is not None:
        source = FileSource.for_record_stream_format(
            StreamFormat.text_line_format(), input_path
        ).build()
        ds = env.from_source(source, WatermarkStrategy.no_watermarks(), "file_source")
    else:
        ds = env.from_collection(WORDS)

    ds = (
        ds.flat_map(split)
        .map(lambda i: (i, 1), output_type=Types.TUPLE([Types.STRING(), Types.INT()]))
        .key_by(lambda i: i[0])
        .reduce(lambda i, j: (i[0], i[1] + j[1]))
    )

    if output_path is not None:
        ds.sink_to(
            FileSink.for_row_format(output_path, Encoder.simple_string_encoder()).build()
        )
    else:
        ds.print()

    env.execute("word_count")


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", dest="input", required=False, help="Input file to process.")
    parser.add_argument("--output", dest="output", required=False, help="Output directory.")
    known_args, _ = parser.parse_known_args(sys.argv[1:])
    word_count(known_args.input, known_args.output)
