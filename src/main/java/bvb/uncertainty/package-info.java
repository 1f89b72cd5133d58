/**
 * Cost inputs given as ranges: the TCO step repeated over their values, one at a time
 * ({@code bvb sensitivity}) or drawn at random ({@code bvb simulate}), to show how far the costs and
 * the recommendation move.
 */
package bvb.uncertainty;
