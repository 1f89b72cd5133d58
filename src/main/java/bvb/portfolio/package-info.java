/**
 * {@code bvb portfolio}: many workloads decided through the whole flow and summed up as one table.
 */
package bvb.portfolio;
