package vn.iip.compute;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import vn.iip.sample.SyntheticSurvey;

/**
 * The bundled synthetic survey, written once under the warehouse (on its own file system, so executors on a
 * cluster read it too) and then read like any survey folder: its files keep their identity, so later runs skip it.
 */
final class BundledSurvey {
    private BundledSurvey() {}

    static void ensure(SparkSession spark, String folder) {
        Path done = new Path(folder, "_COMPLETE");
        try {
            var fs = done.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(done)) {
                return;
            }
            SyntheticSurvey.write(spark, folder, SyntheticSurvey.Size.bundled());
            fs.create(done, true).close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bundled survey under " + folder + ": " + e.getMessage(), e);
        }
    }
}
