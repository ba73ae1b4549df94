package story

import (
	"math/bits"
	"slices"
)

// MinHash and LSH, owned in-tree (the notes §8 measured minhash-lsh; the
// ~100 lines below are all of it that marsad needs, without a dependency).
//
// A signature keeps, for each of numHashes hash functions, the least hash
// of the document's shingles. Two signatures agree on a position with
// probability equal to the Jaccard similarity of the two shingle sets, so
// the fraction of equal positions estimates it.

const (
	numHashes = 128
	lshBands  = 32 // bands × rows = numHashes
	lshRows   = numHashes / lshBands
)

// hashParams are the multipliers and offsets of the hash family
// h_i(x) = (a_i·x + b_i) mod 2^64, top 32 bits kept. They are drawn once
// from a fixed SplitMix64 stream, so that signatures are stable across runs
// and machines and can be stored.
var hashA, hashB = func() (a, b [numHashes]uint64) {
	s := uint64(0x6d61727361640001) // "marsad" + 1
	next := func() uint64 {
		s += 0x9e3779b97f4a7c15
		z := s
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return a, b
}()

// signature is a MinHash signature.
type signature [numHashes]uint32

// minhash computes the signature of a shingle set. An empty set gives the
// all-ones signature, which LSH never buckets.
func minhash(shingles []uint64) signature {
	var sig signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	// One hash function at a time over all shingles: the running minimum
	// and the function's parameters stay in registers.
	for i := range sig {
		a, b, m := hashA[i], hashB[i], sig[i]
		for _, x := range shingles {
			if h := uint32((a*x + b) >> 32); h < m {
				m = h
			}
		}
		sig[i] = m
	}
	return sig
}

// jaccardEstimate is the fraction of equal signature positions.
func jaccardEstimate(a, b *signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// jaccard is the exact Jaccard similarity of two shingle sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	set := make(map[uint64]struct{}, len(a))
	for _, x := range a {
		set[x] = struct{}{}
	}
	inter := 0
	for _, x := range b {
		if _, ok := set[x]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// lsh buckets signatures by bands: two documents become candidates when all
// lshRows values of one band agree. With 32 bands of 4 rows, a pair at
// Jaccard 0.5 is found with probability 1-(1-0.5⁴)³² = 0.87, at 0.6 with
// 0.99, at 0.3 with 0.23.
//
// Almost every bucket holds one document, so the buckets are chains
// through one array rather than a slice each: a map entry and an int32
// per band and document, a quarter of the memory of a slice per bucket.
type lsh struct {
	heads map[uint64]int32 // band key → its last node + 1
	next  []int32          // node (row·lshBands + band) → previous node in its bucket + 1; 0 ends
	slots []int32          // row → document slot
}

func newLSH() *lsh { return &lsh{heads: map[uint64]int32{}} }

// bandKey is the FNV-1a hash of the band number and the band's values,
// little-endian (hash/fnv would allocate for every band).
func bandKey(sig *signature, band int) uint64 {
	h := uint64(fnvOffset)
	h = fnvUint32(h, uint32(band))
	for _, v := range sig[band*lshRows : (band+1)*lshRows] {
		h = fnvUint32(h, v)
	}
	return h
}

func fnvUint32(h uint64, v uint32) uint64 {
	for i := 0; i < 4; i++ {
		h ^= uint64(byte(v >> (8 * i)))
		h *= fnvPrime
	}
	return h
}

func emptySig(sig *signature) bool {
	for _, v := range sig {
		if v != ^uint32(0) {
			return false
		}
	}
	return true
}

// query returns the slots sharing at least one band with sig, each once,
// in increasing order.
func (l *lsh) query(sig *signature) []int32 {
	if emptySig(sig) {
		return nil
	}
	var out []int32
	for b := 0; b < lshBands; b++ {
		for n := l.heads[bandKey(sig, b)]; n != 0; n = l.next[n-1] {
			out = append(out, l.slots[(n-1)/lshBands])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// insert adds slot under every band of sig.
func (l *lsh) insert(sig *signature, slot int32) {
	if emptySig(sig) {
		return
	}
	row := int32(len(l.slots))
	l.slots = append(l.slots, slot)
	for b := 0; b < lshBands; b++ {
		k := bandKey(sig, b)
		node := row*lshBands + int32(b)
		l.next = append(l.next, l.heads[k])
		l.heads[k] = node + 1
	}
}

// simhash is Charikar's 64-bit fingerprint of a shingle set: each bit is
// the majority vote of that bit over the shingle hashes. It is kept to
// compare against MinHash (EVAL.md); the index uses MinHash, which measured
// better on real pairs.
func simhash(shingles []uint64) uint64 {
	var votes [64]int
	for _, x := range shingles {
		x = mix64(x) // decorrelate from the FNV structure
		for i := range votes {
			if x&(1<<uint(i)) != 0 {
				votes[i]++
			} else {
				votes[i]--
			}
		}
	}
	var h uint64
	for i, v := range votes {
		if v > 0 {
			h |= 1 << uint(i)
		}
	}
	return h
}

// simhashSimilarity is 1 - Hamming distance/64.
func simhashSimilarity(a, b uint64) float64 {
	return 1 - float64(bits.OnesCount64(a^b))/64
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
