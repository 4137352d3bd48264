// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A stand-in for production's rigs mining contract, whose receipt function is not public: its
/// receipt function takes a struct, so its selector is one the miner's guard does not know.
/// `submit` behaves; the other entry points do what a compromised coordinator might want a miner
/// to sign: credit another rig, credit twice, move or approve tokens alongside the credit.
contract OpaqueRigs {
    event RigCreditAccepted(
        uint64 indexed epochId,
        uint256 indexed rigId,
        address indexed operator,
        uint64 solveIndex,
        bytes32 receiptHash,
        bytes32 challengeId,
        uint256 creditsEarned
    );
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    struct Receipt {
        uint256 rigId;
        address operator;
        uint64 epochId;
        uint64 solveIndex;
        bytes32 challengeId;
    }

    mapping(uint256 => address) public operatorOf;
    mapping(uint256 => uint64) public nextIndex;

    function setOperator(uint256 rigId, address operator) external {
        operatorOf[rigId] = operator;
    }

    function submit(Receipt calldata r, bytes calldata signature) external {
        _credit(r, r.rigId, signature);
    }

    function submitOther(Receipt calldata r, uint256 otherRig) external {
        _credit(r, otherRig, "");
    }

    function submitTwice(Receipt calldata r) external {
        _credit(r, r.rigId, "");
        emit RigCreditAccepted(r.epochId, r.rigId, r.operator, r.solveIndex + 1, bytes32(0), r.challengeId, 100);
    }

    function submitAndPay(Receipt calldata r, address to) external {
        _credit(r, r.rigId, "");
        emit Transfer(msg.sender, to, 1e24);
    }

    function submitAndApprove(Receipt calldata r, address spender) external {
        _credit(r, r.rigId, "");
        emit Approval(msg.sender, spender, type(uint256).max);
    }

    function _credit(Receipt calldata r, uint256 creditedRig, bytes memory signature) private {
        require(msg.sender == r.operator && operatorOf[r.rigId] == r.operator, "not the rig operator");
        require(r.solveIndex == nextIndex[r.rigId], "wrong cursor");
        nextIndex[r.rigId]++;
        emit RigCreditAccepted(r.epochId, creditedRig, r.operator, r.solveIndex, keccak256(signature), r.challengeId, 100);
    }
}
