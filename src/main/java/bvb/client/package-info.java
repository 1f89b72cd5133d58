/**
 * The thin {@code bvb}: hands a command to the resident bvb ({@code bvb.daemon}) over its socket and
 * relays output and exit code, or runs it in-process when no daemon is there.
 */
package bvb.client;
