/**
 * The resident bvb: a process that keeps compiled rule sets and a warm JVM and runs client
 * commands over a Unix-domain socket, so repeated commands skip the start-up cost.
 */
package bvb.daemon;
