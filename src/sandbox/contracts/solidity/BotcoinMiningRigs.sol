// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {EpochRewards} from "./EpochRewards.sol";
import {MiningRigNFT} from "./MiningRigNFT.sol";

/// @title BotcoinMiningRigs — the sandbox rig lane (spec/protocol.md §5, §10; spec/sandbox.md §2).
/// @notice Design. Production's rig receipt function and struct are not public; the sandbox
/// defines them, keeping every public name (`claimRig`, `claimBonus`, `wouldBeAuthorizedMiner`,
/// `rigNextIndex`, `rigLastReceiptHash`, `RigCreditAccepted`, domain "BotcoinMiningRigs"/"2").
/// - Two contracts, like production: the registry `MiningRigNFT` (ownership, delegation,
///   per-rig credits) and this mining contract (receipts, credits, claims). Epoch clock,
///   commit/reveal, funding, finalization and the coordinator signer come from EpochRewards;
///   the sandbox deploys it with the same clock and signer as BotcoinMining.
/// - Receipt: `RigReceipt(uint256 rigId,address operator,uint64 epochId,uint64 solveIndex,
///   bytes32 prevReceiptHash,bytes32 challengeId,bytes32 commit,bytes32 docHash,bytes32 questionsHash,
///   bytes32 constraintsHash,bytes32 answersHash,uint128 worldSeed,uint32 rulesVersion)`.
///   `submitRigReceipt` takes the struct's fields in order plus the coordinator's signature, so
///   a transaction guard can read the rig and operator straight from the calldata.
/// - Checks in order: running epoch (`WrongEpoch`), epoch commit (`MissingEpochCommit`),
///   msg.sender is the receipt's operator (`OperatorMismatch`), rig exists (`RigNotFound`),
///   operator authorized (`NotAuthorized`), per-rig cursor (`ChainMismatch`), rig credits > 0
///   (`NotEligible`), coordinator signature (`InvalidSignature`).
/// - Receipt hash: `keccak256(abi.encode(rigId, operator, epochId, solveIndex, prevReceiptHash,
///   challengeId, commit, digest))`, the wallet rule with the rig id in front.
/// - Payout: the rig's holder at its first accepted receipt of an epoch is snapshotted as that
///   epoch's recipient; `claimRig`/`claimBonus` are permissionless and always pay the snapshot,
///   so a rig sold mid-epoch still pays the holder whose rig earned the epoch's first credit.
contract BotcoinMiningRigs is EpochRewards {
    bytes32 public constant RIG_RECEIPT_TYPEHASH =
        keccak256(
            "RigReceipt(uint256 rigId,address operator,uint64 epochId,uint64 solveIndex,bytes32 prevReceiptHash,bytes32 challengeId,bytes32 commit,bytes32 docHash,bytes32 questionsHash,bytes32 constraintsHash,bytes32 answersHash,uint128 worldSeed,uint32 rulesVersion)"
        );

    MiningRigNFT public immutable rigNFT;

    mapping(uint256 rigId => uint64) public rigNextIndex;
    mapping(uint256 rigId => bytes32) public rigLastReceiptHash;
    mapping(uint64 epochId => mapping(uint256 rigId => address)) public rigRecipient;

    error OperatorMismatch();
    error RigNotFound();
    error NotAuthorized();

    event RigCreditAccepted(
        uint64 indexed epochId,
        uint256 indexed rigId,
        address indexed operator,
        uint64 solveIndex,
        bytes32 receiptHash,
        bytes32 challengeId,
        uint256 creditsEarned
    );
    event RigClaimed(uint256 indexed rigId, uint64 indexed epochId, address indexed recipient, uint256 amount);
    event RigBonusClaimed(uint256 indexed rigId, uint64 indexed epochId, address indexed recipient, uint256 amount);

    constructor(
        IERC20 token_,
        MiningRigNFT rigNFT_,
        address signer,
        uint256 genesis,
        uint256 duration,
        address initialOwner
    ) EpochRewards(token_, signer, genesis, duration, "BotcoinMiningRigs", "2", initialOwner) {
        if (address(rigNFT_) == address(0)) revert InvalidConfig();
        rigNFT = rigNFT_;
    }

    /// No leases in the sandbox, so the answer does not depend on `epoch`; the parameter keeps
    /// production's signature.
    function wouldBeAuthorizedMiner(uint256 rigId, address operator, uint64 epoch) external view returns (bool) {
        epoch;
        return rigNFT.isAuthorized(rigId, operator);
    }

    function submitRigReceipt(
        uint256 rigId,
        address operator,
        uint64 epochId,
        uint64 solveIndex,
        bytes32 prevReceiptHash,
        bytes32 challengeId,
        bytes32 commit,
        bytes32 docHash,
        bytes32 questionsHash,
        bytes32 constraintsHash,
        bytes32 answersHash,
        uint128 worldSeed,
        uint32 rulesVersion,
        bytes calldata signature
    ) external {
        _requireOpenEpoch(epochId);
        if (msg.sender != operator) revert OperatorMismatch();
        address holder = rigNFT.holderOf(rigId);
        if (holder == address(0)) revert RigNotFound();
        if (!rigNFT.isAuthorized(rigId, operator)) revert NotAuthorized();
        if (solveIndex != rigNextIndex[rigId] || prevReceiptHash != rigLastReceiptHash[rigId]) revert ChainMismatch();
        uint256 earned = rigNFT.creditsPerSolve(rigId);
        if (earned == 0) revert NotEligible();
        bytes32 digest = _requireCoordinatorSignature(
            keccak256(
                abi.encode(
                    RIG_RECEIPT_TYPEHASH,
                    rigId,
                    operator,
                    epochId,
                    solveIndex,
                    prevReceiptHash,
                    challengeId,
                    commit,
                    docHash,
                    questionsHash,
                    constraintsHash,
                    answersHash,
                    worldSeed,
                    rulesVersion
                )
            ),
            signature
        );
        bytes32 receiptHash = keccak256(
            abi.encode(rigId, operator, epochId, solveIndex, prevReceiptHash, challengeId, commit, digest)
        );
        rigNextIndex[rigId] = solveIndex + 1;
        rigLastReceiptHash[rigId] = receiptHash;
        if (rigRecipient[epochId][rigId] == address(0)) rigRecipient[epochId][rigId] = holder;
        _addCredits(epochId, bytes32(rigId), earned);
        emit RigCreditAccepted(epochId, rigId, operator, solveIndex, receiptHash, challengeId, earned);
    }

    // ---- claims ----

    function rigCredits(uint64 epochId, uint256 rigId) external view returns (uint256) {
        return _credits[epochId][bytes32(rigId)];
    }

    function rigClaimed(uint64 epochId, uint256 rigId) external view returns (bool) {
        return _claimed[epochId][bytes32(rigId)];
    }

    function rigBonusClaimed(uint64 epochId, uint256 rigId) external view returns (bool) {
        return _bonusClaimed[epochId][bytes32(rigId)];
    }

    function claimRig(uint256 rigId, uint64[] calldata epochIds) external {
        _claimAll(rigId, epochIds, false);
    }

    function claimBonus(uint256 rigId, uint64[] calldata epochIds) external {
        _claimAll(rigId, epochIds, true);
    }

    /// All-or-nothing like the wallet lane, but each epoch pays its own snapshotted recipient.
    function _claimAll(uint256 rigId, uint64[] calldata epochIds, bool bonus) private {
        _requireClaimBatch(epochIds.length);
        for (uint256 i = 0; i < epochIds.length; i++) {
            uint64 epochId = epochIds[i];
            uint256 amount = _settle(epochId, bytes32(rigId), bonus);
            address recipient = rigRecipient[epochId][rigId];
            if (bonus) emit RigBonusClaimed(rigId, epochId, recipient, amount);
            else emit RigClaimed(rigId, epochId, recipient, amount);
            _pay(recipient, amount);
        }
    }
}
