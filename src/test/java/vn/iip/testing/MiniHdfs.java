package vn.iip.testing;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * HDFS for the cluster test, in its own JVM: a NameNode and one DataNode on loopback, free ports. Prints
 * "HDFS hdfs://127.0.0.1:PORT" once it is up, and stops when its standard input closes (the test ends it so).
 *   java -cp <test classpath> vn.iip.testing.MiniHdfs BASE_DIR
 */
public final class MiniHdfs {
    private MiniHdfs() {}

    public static void main(String[] args) throws IOException {
        Configuration conf = new Configuration();
        conf.set("hdfs.minidfs.basedir", args[0]);
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        System.out.println("HDFS hdfs://127.0.0.1:" + cluster.getNameNodePort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to close our input
        }
        cluster.shutdown();
    }
}
