/**
 * What would change a decision: the engine step rerun with each unknown fact set to its possible
 * values, and the volume at which the recommendation changes.
 */
package bvb.whatif;
