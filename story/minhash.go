package story

import (
	"encoding/binary"
	"hash/fnv"
	"math/bits"
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
	for _, x := range shingles {
		for i := range sig {
			h := uint32((hashA[i]*x + hashB[i]) >> 32)
			if h < sig[i] {
				sig[i] = h
			}
		}
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
type lsh struct {
	buckets map[uint64][]int32 // band key → document slots
}

func newLSH() *lsh { return &lsh{buckets: map[uint64][]int32{}} }

func bandKey(sig *signature, band int) uint64 {
	h := fnv.New64a()
	var buf [4]byte
	binary.LittleEndian.PutUint32(buf[:], uint32(band))
	h.Write(buf[:])
	for _, v := range sig[band*lshRows : (band+1)*lshRows] {
		binary.LittleEndian.PutUint32(buf[:], v)
		h.Write(buf[:])
	}
	return h.Sum64()
}

func emptySig(sig *signature) bool {
	for _, v := range sig {
		if v != ^uint32(0) {
			return false
		}
	}
	return true
}

// query returns the slots sharing at least one band with sig, each once.
func (l *lsh) query(sig *signature) []int32 {
	if emptySig(sig) {
		return nil
	}
	var out []int32
	seen := map[int32]struct{}{}
	for b := 0; b < lshBands; b++ {
		for _, s := range l.buckets[bandKey(sig, b)] {
			if _, ok := seen[s]; !ok {
				seen[s] = struct{}{}
				out = append(out, s)
			}
		}
	}
	return out
}

// insert adds slot under every band of sig.
func (l *lsh) insert(sig *signature, slot int32) {
	if emptySig(sig) {
		return
	}
	for b := 0; b < lshBands; b++ {
		k := bandKey(sig, b)
		l.buckets[k] = append(l.buckets[k], slot)
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
