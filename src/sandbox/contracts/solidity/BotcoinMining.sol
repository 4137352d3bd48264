// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EpochRewards} from "./EpochRewards.sol";

/// @title BotcoinMining — the sandbox wallet lane, ABI- and EIP-712-compatible with production V3.
/// @notice Compatibility (spec/protocol.md §10): same `submitReceipt` signature (selector
/// 0xa7a1566f), same `Receipt` struct and typehash, domain name "BotcoinMining" with a
/// configurable version ("3" by default, "4" to mimic V4), the same check order, receipt-hash
/// rule, tiers, staking, epoch, claim functions, custom errors and `CreditAccepted` event.
/// Sandbox decisions where production is not public:
/// - Eligibility: the miner's whole stake picks the highest tier whose threshold it reaches;
///   below the lowest tier → `InsufficientBalance`; a pending unstake → `NotEligible`.
/// - `unstake()` schedules the whole stake for withdrawal after `unstakeCooldown` seconds;
///   `cancelUnstake()` restores it; `stake()` is refused while an unstake is pending.
/// - The receipt's `commit` is signed content only; the coordinator decides what it holds
///   (the sandbox coordinator puts the epoch commit there). The contract does not compare it.
contract BotcoinMining is EpochRewards {
    using SafeERC20 for IERC20;

    bytes32 public constant RECEIPT_TYPEHASH =
        keccak256(
            "Receipt(address miner,uint64 epochId,uint64 solveIndex,bytes32 prevReceiptHash,bytes32 challengeId,bytes32 commit,bytes32 docHash,bytes32 questionsHash,bytes32 constraintsHash,bytes32 answersHash,uint128 worldSeed,uint32 rulesVersion)"
        );

    struct Tier {
        uint256 stakeThreshold;
        uint256 tierCredits;
    }

    uint256 public immutable unstakeCooldown;
    Tier[] private _tiers;

    mapping(address miner => uint256) public stakedAmount;
    /// 0 when no unstake is pending; otherwise the time from which `withdraw()` succeeds.
    mapping(address miner => uint256) public withdrawableAt;
    mapping(address miner => uint64) public nextIndex;
    mapping(address miner => bytes32) public lastReceiptHash;

    error InsufficientBalance();
    error NothingStaked();
    error UnstakePending();
    error NoUnstakePending();
    error CooldownNotElapsed();
    error InvalidTier();

    event CreditAccepted(
        uint64 indexed epochId,
        address indexed miner,
        uint64 solveIndex,
        bytes32 receiptHash,
        bytes32 challengeId,
        uint256 creditsEarned
    );
    event Staked(address indexed miner, uint256 amount, uint256 stakedAmount);
    event UnstakeRequested(address indexed miner, uint256 amount, uint256 withdrawableAt);
    event UnstakeCancelled(address indexed miner, uint256 amount);
    event Withdrawn(address indexed miner, uint256 amount);
    event Claimed(address indexed miner, uint64 indexed epochId, uint256 amount);
    event BonusClaimed(address indexed miner, uint64 indexed epochId, uint256 amount);

    /// @param thresholds stake thresholds in token base units, strictly increasing
    /// @param tierCredits credits per accepted receipt for each threshold, non-zero
    constructor(
        IERC20 token_,
        address signer,
        uint256 genesis,
        uint256 duration,
        uint256 cooldown,
        string memory domainVersion,
        uint256[] memory thresholds,
        uint256[] memory tierCredits,
        address initialOwner
    ) EpochRewards(token_, signer, genesis, duration, "BotcoinMining", domainVersion, initialOwner) {
        if (thresholds.length == 0 || thresholds.length != tierCredits.length) revert InvalidConfig();
        for (uint256 i = 0; i < thresholds.length; i++) {
            if (tierCredits[i] == 0 || (i > 0 && thresholds[i] <= thresholds[i - 1])) revert InvalidConfig();
            _tiers.push(Tier(thresholds[i], tierCredits[i]));
        }
        unstakeCooldown = cooldown;
    }

    // ---- receipts ----

    function submitReceipt(
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
        address miner = msg.sender;
        _requireOpenEpoch(epochId);
        if (solveIndex != nextIndex[miner] || prevReceiptHash != lastReceiptHash[miner]) revert ChainMismatch();
        uint256 earned = _eligibleCredits(miner);
        bytes32 digest = _requireCoordinatorSignature(
            keccak256(
                abi.encode(
                    RECEIPT_TYPEHASH,
                    miner,
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
            abi.encode(miner, epochId, solveIndex, prevReceiptHash, challengeId, commit, digest)
        );
        nextIndex[miner] = solveIndex + 1;
        lastReceiptHash[miner] = receiptHash;
        _addCredits(epochId, _key(miner), earned);
        emit CreditAccepted(epochId, miner, solveIndex, receiptHash, challengeId, earned);
    }

    // ---- tiers and eligibility ----

    function tierCount() external view returns (uint256) {
        return _tiers.length;
    }

    function getTier(uint256 index) external view returns (uint256 stakeThreshold, uint256 tierCredits) {
        if (index >= _tiers.length) revert InvalidTier();
        Tier storage tier = _tiers[index];
        return (tier.stakeThreshold, tier.tierCredits);
    }

    function isEligible(address miner) external view returns (bool) {
        return withdrawableAt[miner] == 0 && _tierCredits(stakedAmount[miner]) > 0;
    }

    /// Credits one receipt earns for `miner` now, or reverts with the reason it earns none.
    function _eligibleCredits(address miner) private view returns (uint256 earned) {
        earned = _tierCredits(stakedAmount[miner]);
        if (earned == 0) revert InsufficientBalance();
        if (withdrawableAt[miner] != 0) revert NotEligible();
    }

    function _tierCredits(uint256 staked) private view returns (uint256) {
        for (uint256 i = _tiers.length; i > 0; i--) {
            if (staked >= _tiers[i - 1].stakeThreshold) return _tiers[i - 1].tierCredits;
        }
        return 0;
    }

    // ---- staking ----

    function stake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (withdrawableAt[msg.sender] != 0) revert UnstakePending();
        stakedAmount[msg.sender] += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Staked(msg.sender, amount, stakedAmount[msg.sender]);
    }

    function unstake() external {
        uint256 amount = stakedAmount[msg.sender];
        if (amount == 0) revert NothingStaked();
        if (withdrawableAt[msg.sender] != 0) revert UnstakePending();
        uint256 readyAt = block.timestamp + unstakeCooldown;
        withdrawableAt[msg.sender] = readyAt;
        emit UnstakeRequested(msg.sender, amount, readyAt);
    }

    function cancelUnstake() external {
        if (withdrawableAt[msg.sender] == 0) revert NoUnstakePending();
        withdrawableAt[msg.sender] = 0;
        emit UnstakeCancelled(msg.sender, stakedAmount[msg.sender]);
    }

    function withdraw() external {
        uint256 readyAt = withdrawableAt[msg.sender];
        if (readyAt == 0) revert NoUnstakePending();
        if (block.timestamp < readyAt) revert CooldownNotElapsed();
        uint256 amount = stakedAmount[msg.sender];
        stakedAmount[msg.sender] = 0;
        withdrawableAt[msg.sender] = 0;
        token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    // ---- claims ----

    function credits(uint64 epochId, address miner) external view returns (uint256) {
        return _credits[epochId][_key(miner)];
    }

    function claimed(uint64 epochId, address miner) external view returns (bool) {
        return _claimed[epochId][_key(miner)];
    }

    function bonusClaimed(uint64 epochId, address miner) external view returns (bool) {
        return _bonusClaimed[epochId][_key(miner)];
    }

    function claim(uint64[] calldata epochIds) external {
        _claimAll(epochIds, false);
    }

    function claimBonus(uint64[] calldata epochIds) external {
        _claimAll(epochIds, true);
    }

    /// All-or-nothing: one unclaimable epoch reverts the whole batch; one transfer pays the sum.
    function _claimAll(uint64[] calldata epochIds, bool bonus) private {
        _requireClaimBatch(epochIds.length);
        uint256 total;
        for (uint256 i = 0; i < epochIds.length; i++) {
            uint256 amount = _settle(epochIds[i], _key(msg.sender), bonus);
            total += amount;
            if (bonus) emit BonusClaimed(msg.sender, epochIds[i], amount);
            else emit Claimed(msg.sender, epochIds[i], amount);
        }
        _pay(msg.sender, total);
    }

    function _key(address miner) private pure returns (bytes32) {
        return bytes32(uint256(uint160(miner)));
    }
}
